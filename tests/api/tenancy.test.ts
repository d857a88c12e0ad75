import { beforeAll, describe, expect, it } from "vitest";
import { insertConversations } from "../../lib/conversations/repository";
import { newId } from "../../lib/ids";
import { client, expectError, expectSuccess } from "../support/api";
import { createTenant, testStore, type Tenant } from "../support/fixtures";

// Workspace A's contact, seen through workspace B's key: exactly like a missing contact.

let a: Tenant;
let b: Tenant;
let contactOfA: { id: string; name: string };
beforeAll(async () => {
  [a, b] = [await createTenant("Workspace A"), await createTenant("Workspace B")];
  contactOfA = expectSuccess(
    await client(a.apiKey).post("/v1/contacts", { body: { chatbotId: a.chatbotIds[0], name: "Alice of A", email: "alice@a.example" } }),
    201,
  ).contact;
  await insertConversations(testStore(), [
    {
      workspace_id: a.workspaceId,
      id: newId("conv_"),
      chatbot_id: a.chatbotIds[0],
      contact_id: contactOfA.id,
      started_at: "2026-01-01T10:00:00.000Z",
      last_message_at: "2026-01-01T10:05:00.000Z",
      message_count: 3,
      summary: "A private conversation",
    },
  ]);
});

describe("tenant isolation", () => {
  it("key B gets 404 Contact not found for A's contact on every endpoint, identical to a missing id", async () => {
    const apiB = client(b.apiKey);
    const attempts = [
      () => apiB.get(`/v1/contacts/${contactOfA.id}`),
      () => apiB.patch(`/v1/contacts/${contactOfA.id}`, { body: { name: "Mallory" } }),
      () => apiB.delete(`/v1/contacts/${contactOfA.id}`),
      () => apiB.get(`/v1/contacts/${contactOfA.id}/conversations`),
    ];
    const missing = [
      () => apiB.get("/v1/contacts/contact_doesnotexist"),
      () => apiB.patch("/v1/contacts/contact_doesnotexist", { body: { name: "Mallory" } }),
      () => apiB.delete("/v1/contacts/contact_doesnotexist"),
      () => apiB.get("/v1/contacts/contact_doesnotexist/conversations"),
    ];
    for (let i = 0; i < attempts.length; i++) {
      const foreign = await attempts[i]();
      const absent = await missing[i]();
      expect(expectError(foreign, 404, "not_found").message).toBe("Contact not found");
      expect(foreign.body).toEqual(absent.body);
    }
    // And nothing changed for A.
    const seenByA = expectSuccess(await client(a.apiKey).get(`/v1/contacts/${contactOfA.id}`));
    expect(seenByA.contact.name).toBe("Alice of A");
    expect(seenByA.contact.conversations).toHaveLength(1);
  });

  it("B's list, search and total never include A's contacts", async () => {
    const apiB = client(b.apiKey);
    expect(expectSuccess(await apiB.get("/v1/contacts"))).toMatchObject({ contacts: [], total: 0 });
    expect(expectSuccess(await apiB.get("/v1/contacts?search=alice"))).toMatchObject({ contacts: [], total: 0 });
    expect(expectSuccess(await apiB.get(`/v1/contacts?chatbotId=${a.chatbotIds[0]}`))).toMatchObject({ contacts: [], total: 0 });
  });

  it("B cannot create a contact for A's chatbot", async () => {
    const error = expectError(await client(b.apiKey).post("/v1/contacts", { body: { chatbotId: a.chatbotIds[0] } }), 400, "validation_error");
    expect(error.details).toEqual({ chatbotId: expect.any(String) });
    expect(expectSuccess(await client(b.apiKey).get("/v1/contacts")).total).toBe(0);
  });

  it("A's list counts A's contact", async () => {
    const data = expectSuccess(await client(a.apiKey).get("/v1/contacts"));
    expect(data.total).toBe(1);
    expect(data.contacts.map((c: { id: string }) => c.id)).toEqual([contactOfA.id]);
  });
});
