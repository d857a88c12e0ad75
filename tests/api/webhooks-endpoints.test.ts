import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { client, expectError, expectSuccess } from "../support/api";
import { createTenant, newKeyFor, type Tenant } from "../support/fixtures";

// /v1/webhook-endpoints on the suite's server, which runs without WEBHOOK_ALLOW_PRIVATE_DESTINATIONS:
// CRUD, validation and the refusal of non-public destinations. Endpoints here are public literal
// addresses, disabled, so that nothing is ever sent from this suite.

const PUBLIC_URL = "https://93.184.216.34/hooks/nexvio";
const SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{43}=$/;
const ENDPOINT_KEYS = ["id", "url", "events", "description", "enabled", "createdAt", "updatedAt"].sort();

let tenant: Tenant;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  tenant = await createTenant("Webhook endpoints");
});
// A key per test: each stays inside its key's 100-a-minute budget.
beforeEach(async () => {
  api = client(await newKeyFor(tenant));
});

async function createEndpoint(body: Record<string, unknown> = {}) {
  return expectSuccess(await api.post("/v1/webhook-endpoints", { body: { url: PUBLIC_URL, events: ["contact.created"], enabled: false, ...body } }), 201)
    .endpoint;
}

describe("webhook endpoints", () => {
  it("are created with a secret shown once, then read, listed, changed and deleted without it", async () => {
    const created = await createEndpoint({ events: ["contact.created", "contact.deleted"], description: "CRM sync" });
    expect(created.id).toMatch(/^whep_[0-9A-Za-z]{20}$/);
    expect(created.secret).toMatch(SECRET_PATTERN);
    expect(Buffer.from(created.secret.slice(6), "base64")).toHaveLength(32);
    expect(created).toMatchObject({ url: PUBLIC_URL, events: ["contact.created", "contact.deleted"], description: "CRM sync", enabled: false });
    expect(created.createdAt).toBe(created.updatedAt);

    const read = expectSuccess(await api.get(`/v1/webhook-endpoints/${created.id}`)).endpoint;
    expect(Object.keys(read).sort()).toEqual(ENDPOINT_KEYS);
    const withoutSecret = Object.fromEntries(Object.entries(created).filter(([key]) => key !== "secret"));
    expect(read).toEqual(withoutSecret);

    const list = expectSuccess(await api.get("/v1/webhook-endpoints?limit=100"));
    expect(list).toMatchObject({ limit: 100, offset: 0 });
    expect(list.endpoints.find((e: { id: string }) => e.id === created.id)).toEqual(withoutSecret);
    for (const endpoint of list.endpoints) expect(endpoint).not.toHaveProperty("secret");

    const changed = expectSuccess(await api.patch(`/v1/webhook-endpoints/${created.id}`, { body: { events: ["contact.updated"], description: null } })).endpoint;
    expect(changed).toMatchObject({ id: created.id, url: PUBLIC_URL, events: ["contact.updated"], description: null, enabled: false });
    expect(changed.updatedAt > created.updatedAt).toBe(true);
    expect(changed.createdAt).toBe(created.createdAt);

    expect(expectSuccess(await api.delete(`/v1/webhook-endpoints/${created.id}`))).toEqual({ deleted: true, id: created.id });
    expectError(await api.get(`/v1/webhook-endpoints/${created.id}`), 404, "not_found");
    expectError(await api.delete(`/v1/webhook-endpoints/${created.id}`), 404, "not_found");
  });

  it("list newest first with total, limit and offset", async () => {
    const own = await createTenant("Webhook endpoints list");
    const ownApi = client(own.apiKey);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(expectSuccess(await ownApi.post("/v1/webhook-endpoints", { body: { url: PUBLIC_URL, events: ["contact.created"], enabled: false } }), 201).endpoint.id);
    }
    const page = expectSuccess(await ownApi.get("/v1/webhook-endpoints?limit=2&offset=1"));
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.endpoints.map((e: { id: string }) => e.id)).toEqual([ids[1], ids[0]]);
  });

  it("rotate-secret answers a new secret", async () => {
    const created = await createEndpoint();
    const rotated = expectSuccess(await api.post(`/v1/webhook-endpoints/${created.id}/rotate-secret`)).endpoint;
    expect(rotated.secret).toMatch(SECRET_PATTERN);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.id).toBe(created.id);
  });

  it("test queues a webhook.test delivery (202), listed newest first among the endpoint's deliveries", async () => {
    const created = await createEndpoint();
    const first = expectSuccess(await api.post(`/v1/webhook-endpoints/${created.id}/test`), 202).delivery;
    const second = expectSuccess(await api.post(`/v1/webhook-endpoints/${created.id}/test`), 202).delivery;
    expect(first).toMatchObject({ eventType: "webhook.test", status: "pending", attempts: 0, lastAttemptAt: null, lastStatusCode: null });
    expect(first.id).toMatch(/^whdl_/);
    expect(first.webhookId).toMatch(/^msg_/);
    const deliveries = expectSuccess(await api.get(`/v1/webhook-endpoints/${created.id}/deliveries`));
    expect(deliveries).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(deliveries.deliveries.map((d: { id: string }) => d.id)).toEqual([second.id, first.id]);
    const one = expectSuccess(await api.get(`/v1/webhook-endpoints/${created.id}/deliveries/${first.id}`)).delivery;
    expect(one).toMatchObject({ id: first.id, attemptLog: [] });
  });

  it("of another workspace are answered as missing ones", async () => {
    const created = await createEndpoint();
    const other = client((await createTenant("Webhook stranger")).apiKey);
    expectError(await other.get(`/v1/webhook-endpoints/${created.id}`), 404, "not_found");
    expectError(await other.patch(`/v1/webhook-endpoints/${created.id}`, { body: { enabled: true } }), 404, "not_found");
    expectError(await other.post(`/v1/webhook-endpoints/${created.id}/rotate-secret`), 404, "not_found");
    expectError(await other.post(`/v1/webhook-endpoints/${created.id}/test`), 404, "not_found");
    expectError(await other.get(`/v1/webhook-endpoints/${created.id}/deliveries`), 404, "not_found");
    expectError(await other.delete(`/v1/webhook-endpoints/${created.id}`), 404, "not_found");
    expect(expectSuccess(await other.get("/v1/webhook-endpoints")).total).toBe(0);
    expectSuccess(await api.get(`/v1/webhook-endpoints/${created.id}`));
  });

  it.each([
    ["no url", { events: ["contact.created"] }, "url"],
    ["a relative url", { url: "/hooks", events: ["contact.created"] }, "url"],
    ["an ftp url", { url: "ftp://93.184.216.34/x", events: ["contact.created"] }, "url"],
    ["credentials in the url", { url: "https://user:pw@93.184.216.34/x", events: ["contact.created"] }, "url"],
    ["no events", { url: PUBLIC_URL }, "events"],
    ["an empty events list", { url: PUBLIC_URL, events: [] }, "events"],
    ["an unknown event", { url: PUBLIC_URL, events: ["contact.created", "contact.exploded"] }, "events.1"],
    ["an event twice", { url: PUBLIC_URL, events: ["contact.created", "contact.created"] }, "events"],
    ["enabled not a boolean", { url: PUBLIC_URL, events: ["contact.created"], enabled: "yes" }, "enabled"],
    ["an unknown field", { url: PUBLIC_URL, events: ["contact.created"], secret: "whsec_x" }, "secret"],
  ])("refuse %s with validation_error", async (_, body, field) => {
    const error = expectError(await api.post("/v1/webhook-endpoints", { body }), 400, "validation_error");
    expect(error.details).toHaveProperty([field]);
  });

  it("refuse an empty PATCH and a bad limit", async () => {
    const created = await createEndpoint();
    expect(expectError(await api.patch(`/v1/webhook-endpoints/${created.id}`, { body: {} }), 400, "validation_error").details).toHaveProperty(["body"]);
    expect(expectError(await api.get("/v1/webhook-endpoints?limit=101"), 400, "validation_error").details).toHaveProperty(["limit"]);
    expect(expectError(await api.get(`/v1/webhook-endpoints/${created.id}/deliveries?offset=-1`), 400, "validation_error").details).toHaveProperty(["offset"]);
  });

  // The suite's server runs without WEBHOOK_ALLOW_PRIVATE_DESTINATIONS.
  it.each([
    "http://127.0.0.1:8080/hooks",
    "http://127.1.2.3/hooks",
    "http://localhost:3000/hooks",
    "http://10.0.0.5/hooks",
    "http://172.16.3.4/hooks",
    "http://192.168.1.10/hooks",
    "http://169.254.169.254/latest/meta-data",
    "http://100.64.0.1/hooks",
    "http://0.0.0.0/hooks",
    "http://224.0.0.1/hooks",
    "http://2130706433/hooks",
    "http://[::1]/hooks",
    "http://[::]/hooks",
    "http://[fe80::1]/hooks",
    "http://[fd12:3456::1]/hooks",
    "http://[ff02::1]/hooks",
    "http://[::ffff:127.0.0.1]/hooks",
    "http://[::ffff:10.0.0.1]/hooks",
  ])("refuse the non-public destination %s on create and on update", async (url) => {
    const error = expectError(await api.post("/v1/webhook-endpoints", { body: { url, events: ["contact.created"] } }), 400, "validation_error");
    expect(error.details?.url).toMatch(/non-public address/);
    const created = await createEndpoint();
    expectError(await api.patch(`/v1/webhook-endpoints/${created.id}`, { body: { url } }), 400, "validation_error");
    expect(expectSuccess(await api.get(`/v1/webhook-endpoints/${created.id}`)).endpoint.url).toBe(PUBLIC_URL);
  });
});
