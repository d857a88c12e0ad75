import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertContacts } from "../../lib/contacts/repository";
import type { NewContactRow } from "../../lib/db/schema";
import { newId } from "../../lib/ids";
import { client, expectError, expectSuccess } from "../support/api";
import { createTenant, newKeyFor, testStore, type Tenant } from "../support/fixtures";
import { ADDED_FIELDS_UNSET } from "../support/contact-keys";
import { readOrder } from "../support/read-order";

// A workspace of 30 contacts written straight into the database: createdAt in groups of three equal
// values, repeated names and emails, and some null names and emails, so that sorting must break ties.

interface Listed {
  id: string;
  chatbotId: string;
  name: string | null;
  email: string | null;
  createdAt: string;
}
type SortField = "createdAt" | "name" | "email";
type SortOrder = "asc" | "desc";

const NAMES = ["Avery", "Blake", "Casey", "Drew", "Emery", "Finley", "Gray", "Harper", "Indy", "Jordan", "Kai", "Logan"];
const MAILBOXES = ["ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal"];

let tenant: Tenant;
let api: ReturnType<typeof client>;
let rows: NewContactRow[];

function contactRow(workspaceId: string, chatbotId: string, i: number, createdAt: string): NewContactRow {
  return {
    workspace_id: workspaceId,
    id: newId("contact_"),
    chatbot_id: chatbotId,
    name: i % 7 === 3 ? null : NAMES[i % NAMES.length],
    email: i % 5 === 1 ? null : `${MAILBOXES[i % MAILBOXES.length]}@example.com`,
    phone: null,
    metadata: "{}",
    created_at: createdAt,
    updated_at: createdAt,
  };
}

beforeAll(async () => {
  tenant = await createTenant("List contacts");
  const base = Date.UTC(2025, 2, 1, 10, 0, 0, 0);
  rows = Array.from({ length: 30 }, (_, i) =>
    contactRow(tenant.workspaceId, tenant.chatbotIds[i % 3 === 0 ? 1 : 0], i, new Date(base + Math.floor(i / 3) * 61_001).toISOString()),
  );
  // Insert out of creation order, so that insertion order cannot pass for sorting.
  await insertContacts(testStore(), [...rows].reverse());
});
// A key per test: the file's requests stay inside each key's 100-a-minute budget.
beforeEach(async () => {
  api = client(await newKeyFor(tenant));
});

const sortKey: Record<SortField, (r: NewContactRow) => string | null> = {
  createdAt: (r) => r.created_at,
  name: (r) => r.name ?? null,
  email: (r) => r.email ?? null,
};

/** The sort field's values in the order the contract requires: sorted, nulls last in both orders. */
function expectedValues(field: SortField, order: SortOrder): Array<string | null> {
  const values = rows.map(sortKey[field]);
  const present = values.filter((v): v is string => v !== null).sort(readOrder);
  if (order === "desc") present.reverse();
  return [...present, ...values.filter((v) => v === null)];
}

function valueOf(contact: Listed, field: SortField): string | null {
  return contact[field];
}

/** Within each run of equal sort values the ids are ordered, all runs in the same direction. */
function expectTiesOrderedById(contacts: Listed[], field: SortField) {
  const directions = new Set<string>();
  for (let i = 1; i < contacts.length; i++) {
    if (valueOf(contacts[i], field) !== valueOf(contacts[i - 1], field)) continue;
    expect(contacts[i].id).not.toBe(contacts[i - 1].id);
    directions.add(contacts[i].id > contacts[i - 1].id ? "asc" : "desc");
  }
  expect(directions.size).toBe(1);
}

async function list(query: string) {
  return expectSuccess(await api.get(`/v1/contacts${query}`)) as { contacts: Listed[]; total: number; limit: number; offset: number };
}

const ids = (contacts: Listed[]) => contacts.map((c) => c.id);

describe("GET /v1/contacts", () => {
  it("defaults to limit 100, offset 0, newest createdAt first, and echoes limit and offset", async () => {
    const data = await list("");
    expect(Object.keys(data).sort()).toEqual(["contacts", "limit", "nextCursor", "offset", "total"]);
    expect(data).toMatchObject({ total: 30, limit: 100, offset: 0 });
    expect(data.contacts.map((c) => c.createdAt)).toEqual(expectedValues("createdAt", "desc"));
    expect(ids(data.contacts)).toEqual(ids((await list("?sortBy=createdAt&sortOrder=desc&limit=100&offset=0")).contacts));
    expectTiesOrderedById(data.contacts, "createdAt");
  });

  it("returns contacts with every key of the seed's example and no conversations", async () => {
    const { contacts } = await list("?limit=500");
    const first = rows[0];
    expect(contacts.find((c) => c.id === first.id)).toEqual({
      ...ADDED_FIELDS_UNSET,
      id: first.id,
      chatbotId: tenant.chatbotIds[1],
      name: "Avery",
      email: "ann@example.com",
      phone: null,
      metadata: {},
      createdAt: first.created_at,
      updatedAt: first.created_at,
    });
    for (const contact of contacts) expect(contact).not.toHaveProperty("conversations");
  });

  it("applies limit and offset, echoes them, and counts total without them", async () => {
    const all = (await list("?limit=500")).contacts;
    expect(all).toHaveLength(30);
    const page = await list("?limit=5&offset=3");
    expect(page).toMatchObject({ total: 30, limit: 5, offset: 3 });
    expect(ids(page.contacts)).toEqual(ids(all.slice(3, 8)));
    const tail = await list("?limit=7&offset=28");
    expect(tail).toMatchObject({ total: 30, limit: 7, offset: 28 });
    expect(ids(tail.contacts)).toEqual(ids(all.slice(28)));
    expect(await list("?offset=30")).toEqual({ contacts: [], total: 30, limit: 100, offset: 30, nextCursor: null });
    expect(await list("?offset=1000&limit=500")).toEqual({ contacts: [], total: 30, limit: 500, offset: 1000, nextCursor: null });
  });

  it("filters by chatbotId, with total counting the filter", async () => {
    const data = await list(`?chatbotId=${tenant.chatbotIds[1]}&limit=4`);
    expect(data).toMatchObject({ total: 10, limit: 4, offset: 0 });
    expect(data.contacts).toHaveLength(4);
    const all = await list(`?chatbotId=${tenant.chatbotIds[1]}`);
    expect(all.contacts.every((c) => c.chatbotId === tenant.chatbotIds[1])).toBe(true);
    expect(new Set(ids(all.contacts))).toEqual(new Set(rows.filter((r) => r.chatbot_id === tenant.chatbotIds[1]).map((r) => r.id)));
    expect((await list(`?chatbotId=${tenant.chatbotIds[0]}`)).total).toBe(20);
  });

  it("gives an empty list and total 0 for an unknown chatbot", async () => {
    expect(await list("?chatbotId=chatbot_doesnotexist")).toEqual({ contacts: [], total: 0, limit: 100, offset: 0, nextCursor: null });
  });

  const sorts: Array<[SortField, SortOrder]> = [
    ["createdAt", "asc"],
    ["createdAt", "desc"],
    ["name", "asc"],
    ["name", "desc"],
    ["email", "asc"],
    ["email", "desc"],
  ];

  it.each(sorts)("sortBy=%s sortOrder=%s orders by the field with nulls last and ties by id", async (field, order) => {
    const { contacts } = await list(`?sortBy=${field}&sortOrder=${order}`);
    expect(contacts.map((c) => valueOf(c, field))).toEqual(expectedValues(field, order));
    expectTiesOrderedById(contacts, field);
  });

  it.each(sorts)("walking pages of 7 by %s %s yields every contact exactly once", async (field, order) => {
    const whole = await list(`?sortBy=${field}&sortOrder=${order}&limit=500`);
    const walked: Listed[] = [];
    for (let offset = 0; offset < 30; offset += 7) {
      const page = await list(`?sortBy=${field}&sortOrder=${order}&limit=7&offset=${offset}`);
      expect(page).toMatchObject({ total: 30, limit: 7, offset });
      expect(page.contacts).toHaveLength(Math.min(7, 30 - offset));
      walked.push(...page.contacts);
    }
    expect(new Set(ids(walked)).size).toBe(30);
    expect(new Set(ids(walked))).toEqual(new Set(rows.map((r) => r.id)));
    expect(ids(walked)).toEqual(ids(whole.contacts));
  });

  it("walks pages of 7 under a chatbotId filter sorted by name without overlap", async () => {
    const walked: Listed[] = [];
    for (let offset = 0; offset < 20; offset += 7) {
      walked.push(...(await list(`?chatbotId=${tenant.chatbotIds[0]}&sortBy=name&sortOrder=asc&limit=7&offset=${offset}`)).contacts);
    }
    expect(walked).toHaveLength(20);
    expect(new Set(ids(walked))).toEqual(new Set(rows.filter((r) => r.chatbot_id === tenant.chatbotIds[0]).map((r) => r.id)));
  });

  it("ignores unknown query parameters", async () => {
    const plain = await list("?limit=3&sortBy=email");
    const noisy = await list("?limit=3&sortBy=email&page=9&foo=bar&sort=name&per_page=1");
    expect(noisy).toEqual(plain);
    expect(noisy).toMatchObject({ total: 30, limit: 3, offset: 0 });
  });

  const invalid: Array<[string, string]> = [
    ["limit=0", "limit"],
    ["limit=501", "limit"],
    ["limit=abc", "limit"],
    ["limit=1.5", "limit"],
    ["limit=-5", "limit"],
    ["limit=", "limit"],
    ["offset=-1", "offset"],
    ["offset=x", "offset"],
    ["offset=2.5", "offset"],
    ["sortBy=phone", "sortBy"],
    ["sortBy=created_at", "sortBy"],
    ["sortOrder=up", "sortOrder"],
    ["sortOrder=ASC", "sortOrder"],
    [`search=${"a".repeat(201)}`, "search"],
  ];
  it.each(invalid)("?%s is a validation_error naming the parameter", async (query, parameter) => {
    const error = expectError(await api.get(`/v1/contacts?${query}`), 400, "validation_error");
    expect(error.message).toBe("Invalid request data");
    expect(Object.keys(error.details ?? {})).toEqual([parameter]);
    expect(typeof error.details?.[parameter]).toBe("string");
  });

  it("accepts a search of exactly 200 characters", async () => {
    expect(await list(`?search=${"a".repeat(200)}`)).toEqual({ contacts: [], total: 0, limit: 100, offset: 0, nextCursor: null });
  });
});

describe("GET /v1/contacts in a workspace of 505 contacts", () => {
  let big: Tenant;
  let bigApi: ReturnType<typeof client>;
  beforeAll(async () => {
    big = await createTenant("Many contacts");
    const base = Date.UTC(2024, 0, 1);
    const many = Array.from({ length: 505 }, (_, i) => contactRow(big.workspaceId, big.chatbotIds[0], i, new Date(base + i * 1000).toISOString()));
    await insertContacts(testStore(), many);
  });
  beforeEach(async () => {
    bigApi = client(await newKeyFor(big));
  });

  it("returns 100 by default, 500 with limit=500, and the rest past offset 500", async () => {
    const first = expectSuccess(await bigApi.get("/v1/contacts"));
    expect(first).toMatchObject({ total: 505, limit: 100, offset: 0 });
    expect(first.contacts).toHaveLength(100);
    const max = expectSuccess(await bigApi.get("/v1/contacts?limit=500"));
    expect(max).toMatchObject({ total: 505, limit: 500, offset: 0 });
    expect(max.contacts).toHaveLength(500);
    const rest = expectSuccess(await bigApi.get("/v1/contacts?limit=500&offset=500"));
    expect(rest).toMatchObject({ total: 505, limit: 500, offset: 500 });
    expect(rest.contacts).toHaveLength(5);
    const seen = new Set([...max.contacts, ...rest.contacts].map((c: { id: string }) => c.id));
    expect(seen.size).toBe(505);
  });
});
