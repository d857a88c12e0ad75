import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertConversations } from "../../lib/conversations/repository";
import type { NewConversationRow } from "../../lib/db/schema";
import { newId } from "../../lib/ids";
import { client, expectError, expectSuccess } from "../support/api";
import { createTenant, newKeyFor, testStore, type Tenant } from "../support/fixtures";

// One contact with 105 conversations, one with 3, one with none, and conversations of the workspace
// that belong to no contact; all inserted straight into the database in random order.

interface ConversationItem {
  id: string;
  chatbotId: string;
  contactId: string;
  startedAt: string;
  lastMessageAt: string;
  messageCount: number;
  summary: string | null;
}

let tenant: Tenant;
let api: ReturnType<typeof client>;
let busy: { id: string };
let quiet: { id: string };
let silent: { id: string };
let busyRows: NewConversationRow[];
let quietRows: NewConversationRow[];

function conversations(contactId: string | null, count: number, start: number): NewConversationRow[] {
  const rows = Array.from({ length: count }, (_, i) => ({
    workspace_id: tenant.workspaceId,
    id: newId("conv_"),
    chatbot_id: tenant.chatbotIds[i % 2],
    contact_id: contactId,
    started_at: new Date(start + i * 3_600_000 + ((i * 37) % 1000)).toISOString(),
    last_message_at: new Date(start + i * 3_600_000 + 600_000 + (i % 1000)).toISOString(),
    message_count: (i * 13) % 40,
    summary: i % 4 === 0 ? null : `Asked about plan ${i}`,
  }));
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1)); // binary order, as SQL sorts ids
}

/** The API's view of stored rows, newest startedAt first. */
function expectedItems(rows: NewConversationRow[]): ConversationItem[] {
  return [...rows]
    .sort((a, b) => b.started_at.localeCompare(a.started_at))
    .map((r) => ({
      id: r.id,
      chatbotId: r.chatbot_id,
      contactId: r.contact_id as string,
      startedAt: r.started_at,
      lastMessageAt: r.last_message_at,
      messageCount: r.message_count ?? 0,
      summary: r.summary ?? null,
    }));
}

beforeAll(async () => {
  tenant = await createTenant("Conversations");
  const setup = client(tenant.apiKey);
  const create = async (name: string) =>
    expectSuccess(await setup.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name } }), 201).contact as { id: string };
  [busy, quiet, silent] = [await create("Busy Bea"), await create("Quiet Quinn"), await create("Silent Sam")];
  busyRows = conversations(busy.id, 105, Date.UTC(2025, 0, 1, 9, 0, 0, 0));
  quietRows = conversations(quiet.id, 3, Date.UTC(2025, 0, 1, 9, 30, 0, 0));
  const orphans = conversations(null, 2, Date.UTC(2025, 6, 1));
  await insertConversations(testStore(), [...busyRows, ...quietRows, ...orphans]);
});
// A key per test: the file's requests stay inside each key's 100-a-minute budget.
beforeEach(async () => {
  api = client(await newKeyFor(tenant));
});

async function page(contactId: string, query = "") {
  return expectSuccess(await api.get(`/v1/contacts/${contactId}/conversations${query}`)) as {
    conversations: ConversationItem[];
    total: number;
    limit: number;
    offset: number;
  };
}

describe("GET /v1/contacts/{id}/conversations", () => {
  it("returns the 50 newest by default, with exactly the documented keys, total, limit and offset", async () => {
    const data = await page(busy.id);
    expect(Object.keys(data).sort()).toEqual(["conversations", "limit", "offset", "total"]);
    expect(data).toMatchObject({ total: 105, limit: 50, offset: 0 });
    for (const item of data.conversations) {
      expect(Object.keys(item).sort()).toEqual(["chatbotId", "contactId", "id", "lastMessageAt", "messageCount", "startedAt", "summary"]);
    }
    expect(data.conversations).toEqual(expectedItems(busyRows).slice(0, 50));
    expect(data.conversations.filter((c) => c.summary === null).length).toBeGreaterThan(0);
  });

  it("returns at most 100 with limit=100", async () => {
    const data = await page(busy.id, "?limit=100");
    expect(data).toMatchObject({ total: 105, limit: 100, offset: 0 });
    expect(data.conversations).toEqual(expectedItems(busyRows).slice(0, 100));
  });

  it("pages with offset, echoing limit and offset", async () => {
    const expected = expectedItems(busyRows);
    const middle = await page(busy.id, "?limit=10&offset=20");
    expect(middle).toMatchObject({ total: 105, limit: 10, offset: 20 });
    expect(middle.conversations).toEqual(expected.slice(20, 30));
    const last = await page(busy.id, "?offset=100");
    expect(last).toMatchObject({ total: 105, limit: 50, offset: 100 });
    expect(last.conversations).toEqual(expected.slice(100));
    expect(await page(busy.id, "?offset=105")).toEqual({ conversations: [], total: 105, limit: 50, offset: 105 });

    const walked: ConversationItem[] = [];
    for (let offset = 0; offset < 105; offset += 30) walked.push(...(await page(busy.id, `?limit=30&offset=${offset}`)).conversations);
    expect(walked).toEqual(expected);
  });

  it("never shows another contact's conversations or those of no contact", async () => {
    const data = await page(quiet.id);
    expect(data).toEqual({ conversations: expectedItems(quietRows), total: 3, limit: 50, offset: 0 });
    expect(await page(silent.id)).toEqual({ conversations: [], total: 0, limit: 50, offset: 0 });
    const busyIds = new Set((await page(busy.id, "?limit=100&offset=5")).conversations.map((c) => c.id));
    for (const row of quietRows) expect(busyIds.has(row.id)).toBe(false);
  });

  it("ignores unknown query parameters", async () => {
    expect(await page(quiet.id, "?limit=2&sort=asc&page=3")).toEqual({
      conversations: expectedItems(quietRows).slice(0, 2),
      total: 3,
      limit: 2,
      offset: 0,
    });
  });

  const invalid: Array<[string, string]> = [
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=abc", "limit"],
    ["limit=2.5", "limit"],
    ["offset=-1", "offset"],
    ["offset=one", "offset"],
  ];
  it.each(invalid)("?%s is a validation_error naming the parameter", async (query, parameter) => {
    const error = expectError(await api.get(`/v1/contacts/${busy.id}/conversations?${query}`), 400, "validation_error");
    expect(error.message).toBe("Invalid request data");
    expect(Object.keys(error.details ?? {})).toEqual([parameter]);
    expect(typeof error.details?.[parameter]).toBe("string");
  });

  it("answers 404 Contact not found for an unknown contact", async () => {
    const error = expectError(await api.get("/v1/contacts/contact_doesnotexist/conversations"), 404, "not_found");
    expect(error.message).toBe("Contact not found");
  });
});
