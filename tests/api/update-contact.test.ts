import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { client, expectError, expectSuccess } from "../support/api";
import { createTenant, newKeyFor, type Tenant } from "../support/fixtures";
import { ADDED_FIELDS_UNSET } from "../support/contact-keys";

let tenant: Tenant;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  tenant = await createTenant("Update contact");
});
// A key per test: the file's requests stay inside each key's 100-a-minute budget.
beforeEach(async () => {
  api = client(await newKeyFor(tenant));
});

type Metadata = Record<string, string | number | boolean>;

async function createContact(fields: Record<string, unknown> = {}) {
  return expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], ...fields } }), 201).contact;
}

async function readContact(id: string) {
  return expectSuccess(await api.get(`/v1/contacts/${id}`)).contact;
}

function patchRaw(id: string, raw: string) {
  return api.patch(`/v1/contacts/${id}`, { rawBody: raw, headers: { "content-type": "application/json" } });
}

const JANE = {
  name: "Jane Smith",
  email: "jane@example.com",
  phone: "+15559876543",
  metadata: { company: "XYZ Corp", role: "Director", source: "Website" },
};

describe("PATCH /v1/contacts/{id}", () => {
  it("applies the seed document's example: metadata merged key by key, source kept, phone kept", async () => {
    const created = await createContact(JANE);
    const body = {
      name: "Jane Wilson-Smith",
      email: "jane.wilson@example.com",
      metadata: { company: "XYZ Corp", role: "VP of Operations", lastContact: "2023-07-16" },
    };
    const data = expectSuccess(await api.patch(`/v1/contacts/${created.id}`, { body }));
    const expected = {
      ...ADDED_FIELDS_UNSET,
      id: created.id,
      chatbotId: tenant.chatbotIds[0],
      name: "Jane Wilson-Smith",
      email: "jane.wilson@example.com",
      phone: "+15559876543",
      metadata: { company: "XYZ Corp", role: "VP of Operations", source: "Website", lastContact: "2023-07-16" },
      createdAt: created.createdAt,
      updatedAt: data.contact.updatedAt,
    };
    expect(data).toEqual({ contact: expected });
    expect(Date.parse(data.contact.updatedAt)).toBeGreaterThan(Date.parse(created.createdAt));
    expect(await readContact(created.id)).toEqual({ ...expected, conversations: [] });
  });

  it("removes a metadata key set to null and keeps the others", async () => {
    const created = await createContact({ metadata: { plan: "pro", seats: 5, trial: false } });
    const data = expectSuccess(await api.patch(`/v1/contacts/${created.id}`, { body: { metadata: { plan: null, region: "EU" } } }));
    expect(data.contact.metadata).toEqual({ seats: 5, trial: false, region: "EU" });
    expect((await readContact(created.id)).metadata).toEqual({ seats: 5, trial: false, region: "EU" });

    // Removing a key that is not there is not an error.
    const again = expectSuccess(await api.patch(`/v1/contacts/${created.id}`, { body: { metadata: { absent: null } } }));
    expect(again.contact.metadata).toEqual({ seats: 5, trial: false, region: "EU" });
  });

  it("clears name, email and phone set to null and keeps metadata", async () => {
    const created = await createContact(JANE);
    const data = expectSuccess(await api.patch(`/v1/contacts/${created.id}`, { body: { name: null, email: null, phone: null } }));
    expect(data.contact).toMatchObject({ name: null, email: null, phone: null, metadata: JANE.metadata });
    expect(await readContact(created.id)).toMatchObject({ name: null, email: null, phone: null, metadata: JANE.metadata });
  });

  it("changes only the fields given, trims the name and stores the email as given", async () => {
    const created = await createContact(JANE);
    const data = expectSuccess(await api.patch(`/v1/contacts/${created.id}`, { body: { name: "  Jane Doe ", email: "Jane.Doe@Example.COM" } }));
    expect(data.contact).toEqual({ ...created, name: "Jane Doe", email: "Jane.Doe@Example.COM", updatedAt: data.contact.updatedAt });
    const phoneOnly = expectSuccess(await api.patch(`/v1/contacts/${created.id}`, { body: { phone: "+44 20 7946 0958" } }));
    expect(phoneOnly.contact).toEqual({ ...data.contact, phone: "+44 20 7946 0958", updatedAt: phoneOnly.contact.updatedAt });
  });

  it("moves updatedAt strictly forward on every accepted PATCH, even back to back, and never moves createdAt", async () => {
    const created = await createContact({ name: "Clock" });
    let previous = created.updatedAt as string;
    for (const body of [{ name: "Tick" }, { name: "Tick" }, { metadata: { n: 1 } }, { phone: null }]) {
      const { contact } = expectSuccess(await api.patch(`/v1/contacts/${created.id}`, { body }));
      expect(Date.parse(contact.updatedAt)).toBeGreaterThan(Date.parse(previous));
      expect(contact.createdAt).toBe(created.createdAt);
      previous = contact.updatedAt;
    }
    const fetched = await readContact(created.id);
    expect(fetched.updatedAt).toBe(previous);
    expect(fetched.createdAt).toBe(created.createdAt);
  });

  it("gives concurrent PATCHes distinct updatedAt values and loses no metadata key", async () => {
    const created = await createContact({ name: "Race" });
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => api.patch(`/v1/contacts/${created.id}`, { body: { metadata: { [`k${i}`]: i } } })),
    );
    const stamps = responses.map((r) => expectSuccess(r).contact.updatedAt as string);
    expect(new Set(stamps).size).toBe(6);
    const fetched = await readContact(created.id);
    expect(fetched.metadata).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5 });
    expect(fetched.updatedAt).toBe([...stamps].sort().at(-1));
  });

  it("answers 404 Contact not found for an unknown id", async () => {
    const error = expectError(await api.patch("/v1/contacts/contact_doesnotexist", { body: { name: "Nobody" } }), 404, "not_found");
    expect(error.message).toBe("Contact not found");
  });

  it("sets and removes a __proto__ metadata key like any other key", async () => {
    const created = await createContact({ metadata: { plan: "pro" } });
    const set = await patchRaw(created.id, '{"metadata":{"__proto__":"x","constructor":"y"}}');
    expect(expectSuccess(set).contact.id).toBe(created.id);
    expect(set.text).toContain('"metadata":{"plan":"pro","__proto__":"x","constructor":"y"}');
    expect((await api.get(`/v1/contacts/${created.id}`)).text).toContain('"metadata":{"plan":"pro","__proto__":"x","constructor":"y"}');

    const removed = await patchRaw(created.id, '{"metadata":{"__proto__":null}}');
    expect(removed.text).toContain('"metadata":{"plan":"pro","constructor":"y"}');
    const fetched = await api.get(`/v1/contacts/${created.id}`);
    expect(fetched.text).toContain('"metadata":{"plan":"pro","constructor":"y"}');
    expect(fetched.text).not.toContain("__proto__");
  });

  it("rejects a nested object under a __proto__ metadata key", async () => {
    const created = await createContact({ metadata: { plan: "pro" } });
    const error = expectError(await patchRaw(created.id, '{"metadata":{"__proto__":{"polluted":true}}}'), 400, "validation_error");
    expect(Object.keys(error.details ?? {})).toEqual(["metadata.__proto__"]);
    expect(await readContact(created.id)).toEqual({ ...created, conversations: [] });
  });
});

describe("PATCH /v1/contacts/{id} rejects bad bodies with a validation_error and changes nothing", () => {
  const longString = (n: number) => "x".repeat(n);
  const manyKeys = (n: number, prefix: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, i]));
  const cases: Array<[string, () => unknown, string]> = [
    ["empty body", () => ({}), "body"],
    ["chatbotId (another chatbot)", () => ({ chatbotId: tenant.chatbotIds[1], name: "Renamed" }), "chatbotId"],
    ["chatbotId (the same chatbot)", () => ({ chatbotId: tenant.chatbotIds[0], name: "Renamed" }), "chatbotId"],
    ["id", () => ({ id: "contact_mine", name: "Renamed" }), "id"],
    ["createdAt", () => ({ createdAt: "2020-01-01T00:00:00Z", name: "Renamed" }), "createdAt"],
    ["updatedAt", () => ({ updatedAt: "2020-01-01T00:00:00Z", phone: null }), "updatedAt"],
    ["typo nmae", () => ({ nmae: "Renamed", email: null }), "nmae"],
    ["typo metdata", () => ({ name: "Renamed", metdata: { a: 1 } }), "metdata"],
    ["blank name", () => ({ name: "   " }), "name"],
    ["name of 201 characters", () => ({ name: longString(201) }), "name"],
    ["name not a string", () => ({ name: 7 }), "name"],
    ["invalid email", () => ({ email: "not-an-email" }), "email"],
    ["email over 254 characters", () => ({ email: `${longString(250)}@example.com` }), "email"],
    ["email not a string", () => ({ email: true }), "email"],
    ["phone with letters", () => ({ phone: "call me" }), "phone"],
    ["phone with 4 digits", () => ({ phone: "+1 234" }), "phone"],
    ["phone over 32 characters", () => ({ phone: "1".repeat(33) }), "phone"],
    ["metadata array", () => ({ metadata: [1] }), "metadata"],
    ["metadata null", () => ({ metadata: null }), "metadata"],
    ["metadata string", () => ({ metadata: "plan=pro" }), "metadata"],
    ["metadata nested object", () => ({ metadata: { plan: { tier: "pro" } } }), "metadata.plan"],
    ["metadata array value", () => ({ metadata: { tags: ["a"] } }), "metadata.tags"],
    ["metadata string over 1000", () => ({ metadata: { note: longString(1001) } }), "metadata.note"],
    ["metadata empty key", () => ({ metadata: { "": "x" } }), "metadata."],
    ["metadata key over 64", () => ({ metadata: { [longString(65)]: "x" } }), `metadata.${longString(65)}`],
    ["metadata merge past 50 keys", () => ({ metadata: manyKeys(11, "new") }), "metadata"],
    ["metadata merge past 50 keys despite removals", () => ({ metadata: { ...manyKeys(12, "new"), k0: null } }), "metadata"],
  ];

  it.each(cases)("%s", async (_label, build, field) => {
    const created = await createContact({ ...JANE, metadata: { ...JANE.metadata, ...manyKeys(37, "k") } });
    expect(Object.keys(created.metadata)).toHaveLength(40);
    const before = await readContact(created.id);

    const error = expectError(await api.patch(`/v1/contacts/${created.id}`, { body: build() }), 400, "validation_error");
    expect(error.message).toBe("Invalid request data");
    expect(Object.keys(error.details ?? {})).toEqual([field]);
    expect(typeof error.details?.[field]).toBe("string");
    expect(await readContact(created.id)).toEqual(before);
  });

  it.each([["chatbotId"], ["id"], ["createdAt"], ["nickname"]])("names %s when it is the body's only field", async (field) => {
    const created = await createContact(JANE);
    const error = expectError(await api.patch(`/v1/contacts/${created.id}`, { body: { [field]: "x" } }), 400, "validation_error");
    expect(error.details).toHaveProperty([field], expect.any(String));
    expect(await readContact(created.id)).toEqual({ ...created, conversations: [] });
  });

  it("says 'Must be a valid email address' for a bad email", async () => {
    const created = await createContact(JANE);
    const error = expectError(await api.patch(`/v1/contacts/${created.id}`, { body: { email: "a@" } }), 400, "validation_error");
    expect(error.details).toEqual({ email: "Must be a valid email address" });
  });

  it("accepts a merge that lands on exactly 50 keys, then refuses one more", async () => {
    const metadata: Metadata = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`k${i}`, `v${i}`]));
    const created = await createContact({ metadata });
    const patch = { ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`n${i}`, i])), k0: null };
    const data = expectSuccess(await api.patch(`/v1/contacts/${created.id}`, { body: { metadata: patch } }));
    expect(Object.keys(data.contact.metadata)).toHaveLength(50);
    expect(data.contact.metadata).not.toHaveProperty("k0");
    expect(data.contact.metadata).toMatchObject({ k1: "v1", n5: 5 });

    const before = await readContact(created.id);
    const error = expectError(await api.patch(`/v1/contacts/${created.id}`, { body: { metadata: { extra: true } } }), 400, "validation_error");
    expect(Object.keys(error.details ?? {})).toEqual(["metadata"]);
    expect(await readContact(created.id)).toEqual(before);
  });

  it("replaces a value in a full 50-key metadata object", async () => {
    const metadata: Metadata = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    const created = await createContact({ metadata });
    const data = expectSuccess(await api.patch(`/v1/contacts/${created.id}`, { body: { metadata: { k7: "seven" } } }));
    expect(data.contact.metadata).toEqual({ ...metadata, k7: "seven" });
  });
});
