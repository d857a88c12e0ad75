import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertConversations } from "../../lib/conversations/repository";
import type { NewConversationRow } from "../../lib/db/schema";
import { newId } from "../../lib/ids";
import { client, expectError, expectSuccess } from "../support/api";
import { createTenant, newKeyFor, testStore, type Tenant } from "../support/fixtures";
import { CONTACT_KEYS } from "../support/contact-keys";

let tenant: Tenant;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  tenant = await createTenant("Get and delete contact");
});
// A key per test: the file's requests stay inside each key's 100-a-minute budget.
beforeEach(async () => {
  api = client(await newKeyFor(tenant));
});

async function createContact(name: string) {
  return expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name, metadata: { tier: "gold" } } }), 201)
    .contact;
}

/** `count` conversations of a contact, started a minute apart from `start`, in random (id) order. */
function conversationsOf(contactId: string, count: number, start: number): NewConversationRow[] {
  const rows = Array.from({ length: count }, (_, i) => ({
    workspace_id: tenant.workspaceId,
    id: newId("conv_"),
    chatbot_id: tenant.chatbotIds[i % 2],
    contact_id: contactId,
    started_at: new Date(start + i * 60_000 + (i % 1000)).toISOString(),
    last_message_at: new Date(start + i * 60_000 + 45_250).toISOString(),
    message_count: i + 1,
    summary: i % 3 === 0 ? null : `Conversation ${i}`,
  }));
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1)); // binary order, as SQL sorts ids
}

function conversationRows(where: { id?: string[]; contactId?: string }) {
  let query = testStore().db.selectFrom("conversations").selectAll().where("workspace_id", "=", tenant.workspaceId);
  if (where.id) query = query.where("id", "in", where.id);
  if (where.contactId) query = query.where("contact_id", "=", where.contactId);
  return query.orderBy("id").execute();
}

const newestFirst = (rows: NewConversationRow[]) => [...rows].sort((a, b) => b.started_at.localeCompare(a.started_at));

describe("GET /v1/contacts/{id}", () => {
  it("includes the 100 newest of 120 conversations as {id, startedAt, lastMessageAt}, newest first", async () => {
    const contact = await createContact("Chatty Cathy");
    const rows = conversationsOf(contact.id, 120, Date.UTC(2025, 5, 1, 8, 0, 0, 0));
    expect(new Set(rows.map((r) => r.id)).size).toBe(120);
    await insertConversations(testStore(), rows);

    const data = expectSuccess(await api.get(`/v1/contacts/${contact.id}`));
    expect(Object.keys(data.contact).sort()).toEqual([...CONTACT_KEYS, "conversations"].sort());
    expect(data.contact).toMatchObject({ id: contact.id, name: "Chatty Cathy", metadata: { tier: "gold" } });
    expect(data.contact.conversations).toEqual(
      newestFirst(rows)
        .slice(0, 100)
        .map((r) => ({ id: r.id, startedAt: r.started_at, lastMessageAt: r.last_message_at })),
    );
  });

  it("lists a contact's conversations and no one else's", async () => {
    const [mine, theirs] = [await createContact("Mine"), await createContact("Theirs")];
    const rows = conversationsOf(mine.id, 3, Date.UTC(2025, 0, 1));
    await insertConversations(testStore(), [...rows, ...conversationsOf(theirs.id, 2, Date.UTC(2025, 0, 2))]);
    const { contact } = expectSuccess(await api.get(`/v1/contacts/${mine.id}`));
    expect(contact.conversations.map((c: { id: string }) => c.id)).toEqual(newestFirst(rows).map((r) => r.id));
  });

  it("answers 404 Contact not found for an unknown id", async () => {
    const error = expectError(await api.get("/v1/contacts/contact_doesnotexist"), 404, "not_found");
    expect(error.message).toBe("Contact not found");
  });

  it("leaves conversations out of the list", async () => {
    const contact = await createContact("Listed Lisa");
    await insertConversations(testStore(), conversationsOf(contact.id, 2, Date.UTC(2025, 1, 1)));
    const data = expectSuccess(await api.get("/v1/contacts?limit=500"));
    const listed = data.contacts.find((c: { id: string }) => c.id === contact.id);
    expect(listed).toEqual(contact);
    for (const c of data.contacts) expect(c).not.toHaveProperty("conversations");
  });
});

describe("DELETE /v1/contacts/{id}", () => {
  it("answers {deleted: true, id} and the contact is gone from every read", async () => {
    const contact = await createContact("Doomed Dora");
    const totalBefore = expectSuccess(await api.get("/v1/contacts")).total as number;

    const response = await api.delete(`/v1/contacts/${contact.id}`);
    expect(expectSuccess(response)).toEqual({ deleted: true, id: contact.id });
    expect(response.body).toEqual({ status: "success", data: { deleted: true, id: contact.id } });

    expect(expectError(await api.get(`/v1/contacts/${contact.id}`), 404, "not_found").message).toBe("Contact not found");
    const list = expectSuccess(await api.get("/v1/contacts?limit=500"));
    expect(list.total).toBe(totalBefore - 1);
    expect(list.contacts.map((c: { id: string }) => c.id)).not.toContain(contact.id);
    expect(expectSuccess(await api.get("/v1/contacts?search=Doomed")).total).toBe(0);
    const patch = await api.patch(`/v1/contacts/${contact.id}`, { body: { name: "Back" } });
    expect(expectError(patch, 404, "not_found").message).toBe("Contact not found");
    const again = await api.delete(`/v1/contacts/${contact.id}`);
    expect(expectError(again, 404, "not_found").message).toBe("Contact not found");
    const conversations = await api.get(`/v1/contacts/${contact.id}/conversations`);
    expect(expectError(conversations, 404, "not_found").message).toBe("Contact not found");

    const stored = await testStore().db.selectFrom("contacts").select("id").where("id", "=", contact.id).execute();
    expect(stored).toEqual([]);
  });

  it("keeps the contact's conversations in the workspace with contact_id null, and leaves others alone", async () => {
    const [doomed, kept] = [await createContact("Doomed Dan"), await createContact("Kept Kim")];
    const doomedRows = conversationsOf(doomed.id, 3, Date.UTC(2025, 3, 1));
    const keptRows = conversationsOf(kept.id, 2, Date.UTC(2025, 3, 2));
    await insertConversations(testStore(), [...doomedRows, ...keptRows]);

    expect(expectSuccess(await api.delete(`/v1/contacts/${doomed.id}`))).toEqual({ deleted: true, id: doomed.id });

    const after = await conversationRows({ id: doomedRows.map((r) => r.id) });
    const expected = doomedRows.map((r) => ({ ...r, contact_id: null })).sort((a, b) => (a.id < b.id ? -1 : 1)); // binary order, as SQL sorts ids
    expect(after).toEqual(expected);
    expect(await conversationRows({ contactId: doomed.id })).toEqual([]);
    expect((await conversationRows({ contactId: kept.id })).map((r) => r.id).sort()).toEqual(keptRows.map((r) => r.id).sort());
    const keptView = expectSuccess(await api.get(`/v1/contacts/${kept.id}/conversations`));
    expect(keptView.total).toBe(2);
  });

  it("answers 404 Contact not found for an id that never existed", async () => {
    const error = expectError(await api.delete("/v1/contacts/contact_doesnotexist"), 404, "not_found");
    expect(error.message).toBe("Contact not found");
  });
});
