import { beforeAll, describe, expect, it } from "vitest";
import { client, expectError, expectSuccess } from "../support/api";
import { createTenant, testStore, type Tenant } from "../support/fixtures";
import { CONTACT_KEYS } from "../support/contact-keys";

let tenant: Tenant;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  tenant = await createTenant();
  api = client(tenant.apiKey);
});

async function contactCount(): Promise<number> {
  const row = await testStore()
    .db.selectFrom("contacts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("workspace_id", "=", tenant.workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

describe("POST /v1/contacts", () => {
  it("creates the seed document's example contact and answers 201 with every key", async () => {
    const body = {
      chatbotId: tenant.chatbotIds[0],
      name: "Jane Smith",
      email: "jane@example.com",
      phone: "+15559876543",
      metadata: { company: "XYZ Corp", role: "Director", source: "Website" },
    };
    const data = expectSuccess(await api.post("/v1/contacts", { body }), 201);
    expect(Object.keys(data.contact).sort()).toEqual(CONTACT_KEYS);
    expect(data.contact).toMatchObject(body);
    expect(data.contact.id).toMatch(/^contact_[0-9A-Za-z]+$/);
    expect(data.contact.createdAt).toMatch(ISO_UTC);
    expect(data.contact.updatedAt).toBe(data.contact.createdAt);

    const fetched = expectSuccess(await api.get(`/v1/contacts/${data.contact.id}`));
    expect(fetched.contact).toEqual({ ...data.contact, conversations: [] });
  });

  it("fills unset name, email and phone with null and metadata with {}", async () => {
    const data = expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[1] } }), 201);
    expect(data.contact).toMatchObject({ name: null, email: null, phone: null, metadata: {}, chatbotId: tenant.chatbotIds[1] });
  });

  it("trims the name and stores the email as given", async () => {
    const data = expectSuccess(
      await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "  Ada Lovelace ", email: "Ada@Example.COM" } }),
      201,
    );
    expect(data.contact.name).toBe("Ada Lovelace");
    expect(data.contact.email).toBe("Ada@Example.COM");
  });

  it("accepts explicit nulls", async () => {
    const data = expectSuccess(
      await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: null, email: null, phone: null } }),
      201,
    );
    expect(data.contact).toMatchObject({ name: null, email: null, phone: null });
  });

  it("never reuses an id", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      ids.add(expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0] } }), 201).contact.id);
    }
    expect(ids.size).toBe(5);
  });

  it("stores __proto__, constructor and prototype as ordinary metadata keys", async () => {
    const raw = `{"chatbotId":"${tenant.chatbotIds[0]}","metadata":{"__proto__":"a","constructor":"b","prototype":{"x":1}}}`;
    const rejected = await api.post("/v1/contacts", { rawBody: raw, headers: { "content-type": "application/json" } });
    expect(expectError(rejected, 400, "validation_error").details).toEqual({ "metadata.prototype": expect.any(String) });

    const accepted = raw.replace('{"x":1}', "3");
    const data = expectSuccess(await api.post("/v1/contacts", { rawBody: accepted, headers: { "content-type": "application/json" } }), 201);
    expect(JSON.parse(JSON.stringify(data.contact.metadata))).toEqual(JSON.parse('{"__proto__":"a","constructor":"b","prototype":3}'));
    const fetched = await api.get(`/v1/contacts/${data.contact.id}`);
    expect(fetched.text).toContain('"metadata":{"__proto__":"a","constructor":"b","prototype":3}');
  });

  describe("rejects bad input with a validation_error naming the field, and writes nothing", () => {
    const longString = (n: number) => "x".repeat(n);
    const cases: Array<[string, (chatbotId: string) => unknown, string]> = [
      ["missing chatbotId", () => ({ name: "A" }), "chatbotId"],
      ["chatbotId of no chatbot", () => ({ chatbotId: "chatbot_nope" }), "chatbotId"],
      ["chatbotId not a string", () => ({ chatbotId: 42 }), "chatbotId"],
      ["blank name", (c) => ({ chatbotId: c, name: "   " }), "name"],
      ["name of 201 characters", (c) => ({ chatbotId: c, name: longString(201) }), "name"],
      ["name not a string", (c) => ({ chatbotId: c, name: 7 }), "name"],
      ["invalid email", (c) => ({ chatbotId: c, email: "not-an-email" }), "email"],
      ["email over 254 characters", (c) => ({ chatbotId: c, email: `${longString(250)}@example.com` }), "email"],
      ["phone with letters", (c) => ({ chatbotId: c, phone: "call me" }), "phone"],
      ["phone with 4 digits", (c) => ({ chatbotId: c, phone: "+1 234" }), "phone"],
      ["phone over 32 characters", (c) => ({ chatbotId: c, phone: "1".repeat(33) }), "phone"],
      ["metadata array", (c) => ({ chatbotId: c, metadata: [1] }), "metadata"],
      ["metadata null", (c) => ({ chatbotId: c, metadata: null }), "metadata"],
      ["metadata nested object", (c) => ({ chatbotId: c, metadata: { plan: { tier: "pro" } } }), "metadata.plan"],
      ["metadata array value", (c) => ({ chatbotId: c, metadata: { tags: ["a"] } }), "metadata.tags"],
      ["metadata null value", (c) => ({ chatbotId: c, metadata: { plan: null } }), "metadata.plan"],
      ["metadata string over 1000", (c) => ({ chatbotId: c, metadata: { note: longString(1001) } }), "metadata.note"],
      ["metadata empty key", (c) => ({ chatbotId: c, metadata: { "": "x" } }), "metadata."],
      ["metadata key over 64", (c) => ({ chatbotId: c, metadata: { [longString(65)]: "x" } }), `metadata.${longString(65)}`],
      [
        "metadata with 51 keys",
        (c) => ({ chatbotId: c, metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }),
        "metadata",
      ],
      ["unknown field", (c) => ({ chatbotId: c, nickname: "J" }), "nickname"],
      ["id given", (c) => ({ chatbotId: c, id: "contact_mine" }), "id"],
      ["createdAt given", (c) => ({ chatbotId: c, createdAt: "2020-01-01T00:00:00Z" }), "createdAt"],
    ];
    it.each(cases)("%s", async (_label, build, field) => {
      const before = await contactCount();
      const error = expectError(await api.post("/v1/contacts", { body: build(tenant.chatbotIds[0]) }), 400, "validation_error");
      expect(error.message).toBe("Invalid request data");
      expect(error.details).toHaveProperty([field]);
      expect(typeof error.details?.[field]).toBe("string");
      expect(await contactCount()).toBe(before);
    });

    it("says 'Must be a valid email address' for a bad email", async () => {
      const error = expectError(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], email: "a@" } }), 400, "validation_error");
      expect(error.details).toEqual({ email: "Must be a valid email address" });
    });

    it("accepts 50 metadata keys, a 64-character key and a 1000-character value", async () => {
      const metadata: Record<string, string | number | boolean> = Object.fromEntries(
        Array.from({ length: 48 }, (_, i) => [`k${i}`, i % 2 === 0 ? i : true]),
      );
      metadata[longString(64)] = "edge";
      metadata.note = longString(1000);
      const data = expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], metadata } }), 201);
      expect(data.contact.metadata).toEqual(metadata);
    });
  });
});
