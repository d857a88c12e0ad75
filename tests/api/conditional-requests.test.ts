import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore } from "../../lib/db/client";
import { call, client, expectError, expectSuccess } from "../support/api";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/backend";
import { createTenant, newKeyFor, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

// CONTRACT.md, "Conditional requests": a contact's strong ETag on GET, POST and PATCH (and Location
// on POST), 304 on a matching If-None-Match, 412 precondition_failed on a stale If-Match for PATCH
// and DELETE with nothing changed, and exactly one winner of two PATCHes with the same If-Match.

let tenant: Tenant;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  tenant = await createTenant("Conditional requests");
  api = client(await newKeyFor(tenant));
});

async function create(name: string) {
  const response = await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name } });
  const contact = expectSuccess(response, 201).contact as { id: string; name: string; updatedAt: string };
  return { contact, etag: response.headers.get("etag")!, location: response.headers.get("location") };
}

const withHeaders = (headers: Record<string, string>, body?: unknown) => ({ headers, ...(body === undefined ? {} : { body }) });

describe("ETag and Location", () => {
  it("POST answers Location and a strong ETag that GET repeats until the contact changes, and PATCH moves", async () => {
    const { contact, etag, location } = await create("Etag Person");
    expect(location).toBe(`/v1/contacts/${contact.id}`);
    expect(etag).toMatch(/^"[^"]+"$/);
    const first = await api.get(`/v1/contacts/${contact.id}`);
    const second = await api.get(`/v1/contacts/${contact.id}`);
    expect(first.headers.get("etag")).toBe(etag);
    expect(second.headers.get("etag")).toBe(etag);
    const patched = await api.patch(`/v1/contacts/${contact.id}`, { body: { metadata: { plan: "pro" } } });
    expectSuccess(patched);
    const moved = patched.headers.get("etag");
    expect(moved).toMatch(/^"[^"]+"$/);
    expect(moved).not.toBe(etag);
    expect((await api.get(`/v1/contacts/${contact.id}`)).headers.get("etag")).toBe(moved);
  });

  it("GET with a matching If-None-Match is 304 with no body; a stale or other tag gets the contact", async () => {
    const { contact, etag } = await create("Cached Person");
    const path = `/v1/contacts/${contact.id}`;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const answer = await api.get(path, withHeaders({ "If-None-Match": header }));
      expect(answer.status, header).toBe(304);
      expect(answer.text).toBe("");
      expect(answer.headers.get("etag")).toBe(etag);
      expect(answer.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
    }
    const other = await api.get(path, withHeaders({ "If-None-Match": '"not-it"' }));
    expect(expectSuccess(other).contact.id).toBe(contact.id);
    await api.patch(path, { body: { name: "Cached Person Renamed" } });
    const stale = await api.get(path, withHeaders({ "If-None-Match": etag }));
    expect(expectSuccess(stale).contact.name).toBe("Cached Person Renamed");
  });
});

describe("If-Match", () => {
  it("PATCH with the current ETag changes the contact; with a stale one it is 412 and nothing changes", async () => {
    const { contact, etag } = await create("Guarded Person");
    const path = `/v1/contacts/${contact.id}`;
    const accepted = await api.patch(path, withHeaders({ "If-Match": etag }, { name: "Guarded Once" }));
    expect(expectSuccess(accepted).contact.name).toBe("Guarded Once");
    const refused = await api.patch(path, withHeaders({ "If-Match": etag }, { name: "Guarded Twice" }));
    expectError(refused, 412, "precondition_failed");
    expect(refused.headers.get("etag")).toBeNull();
    expect(expectSuccess(await api.get(path)).contact.name).toBe("Guarded Once");
    // A weak tag never matches If-Match (strong comparison); `*` matches any existing version.
    expectError(await api.patch(path, withHeaders({ "If-Match": `W/${accepted.headers.get("etag")}` }, { name: "Weak" })), 412, "precondition_failed");
    expect(expectSuccess(await api.patch(path, withHeaders({ "If-Match": "*" }, { name: "Any Version" }))).contact.name).toBe("Any Version");
  });

  it("DELETE with a stale ETag is 412 and the contact stays; with the current one it goes; `*` on a missing contact is 404", async () => {
    const { contact, etag } = await create("Deletable Person");
    const path = `/v1/contacts/${contact.id}`;
    const changed = await api.patch(path, { body: { name: "Deletable, changed" } });
    expectError(await api.delete(path, withHeaders({ "If-Match": etag })), 412, "precondition_failed");
    expect(expectSuccess(await api.get(path)).contact.name).toBe("Deletable, changed");
    expect(expectSuccess(await api.delete(path, withHeaders({ "If-Match": changed.headers.get("etag")! })))).toEqual({ deleted: true, id: contact.id });
    expectError(await api.delete(path, withHeaders({ "If-Match": "*" })), 404, "not_found");
    expectError(await api.patch(path, withHeaders({ "If-Match": "*" }, { name: "Ghost" })), 404, "not_found");
  });
});

describe(`two clients, two server processes on one ${testBackend()} database`, () => {
  let database: TestDatabase;
  let servers: RunningServer[] = [];
  let own: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase("conditional");
    const store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
    own = await createTenant("Conditional race", store);
    await store.db.destroy();
    const env = { DATABASE_URL: database.url, RATE_LIMIT_PER_MINUTE: "1000000" };
    servers = await Promise.all([startServer(env), startServer(env)]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  });

  it("PATCH with the same If-Match at once: exactly one 200 and one 412, every round", async () => {
    const send = (server: number, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> }) =>
      call(method, path, { key: own.apiKey, baseUrl: servers[server].url, ...options });
    const created = await send(0, "POST", "/v1/contacts", { body: { chatbotId: own.chatbotIds[0], name: "Raced" } });
    const path = `/v1/contacts/${created.body.data.contact.id}`;
    let etag = created.headers.get("etag")!;
    for (let round = 0; round < 8; round++) {
      const answers = await Promise.all([0, 1].map((server) => send(server, "PATCH", path, { body: { metadata: { winner: server, round } }, headers: { "If-Match": etag } })));
      expect(answers.map((answer) => answer.status).sort(), `round ${round}`).toEqual([200, 412]);
      const winner = answers.find((answer) => answer.status === 200)!;
      expect(answers.find((answer) => answer.status === 412)!.body.error.code).toBe("precondition_failed");
      const stored = await send(round % 2, "GET", path, {});
      expect(stored.body.data.contact.metadata).toEqual(winner.body.data.contact.metadata);
      etag = winner.headers.get("etag")!;
      expect(stored.headers.get("etag")).toBe(etag);
    }
  });
});
