import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "../../lib/api-keys/repository";
import { call, client, expectError, expectSuccess } from "../support/api";
import type { Store } from "../../lib/db/client";
import { createTenant, storeFor, testStore, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

let tenant: Tenant;
let contactId: string;
let revokedKey: string;
beforeAll(async () => {
  tenant = await createTenant();
  contactId = expectSuccess(await client(tenant.apiKey).post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0] } }), 201)
    .contact.id;
  const revoked = await createTenant();
  await revokeApiKey(testStore(), revoked.keyId);
  revokedKey = revoked.apiKey;
});

const endpoints = () =>
  [
    ["GET", "/v1/contacts"],
    ["POST", "/v1/contacts"],
    ["GET", `/v1/contacts/${contactId}`],
    ["PATCH", `/v1/contacts/${contactId}`],
    ["DELETE", `/v1/contacts/${contactId}`],
    ["GET", `/v1/contacts/${contactId}/conversations`],
  ] as const;

describe("a request without a valid API key gets 401 unauthorized with WWW-Authenticate: Bearer", () => {
  const badAuthorizations: Array<[string, () => Record<string, string>]> = [
    ["no Authorization header", () => ({})],
    ["a Basic scheme", () => ({ authorization: "Basic dXNlcjpwYXNz" })],
    ["Bearer with nothing after it", () => ({ authorization: "Bearer " })],
    ["a malformed key", () => ({ authorization: "Bearer not-a-key" })],
    ["an unknown well-formed key", () => ({ authorization: `Bearer nxv_${"A".repeat(40)}` })],
    ["a revoked key", () => ({ authorization: `Bearer ${revokedKey}` })],
  ];

  for (const [label, headers] of badAuthorizations) {
    it(`${label}, on every endpoint, before validation and existence checks`, async () => {
      for (const [method, path] of endpoints()) {
        // Bodies and ids that would also be wrong: authentication is checked first.
        const response = await call(method, path.replace(contactId, "contact_missing"), {
          headers: headers(),
          ...(method === "POST" || method === "PATCH" ? { body: { nonsense: true } } : {}),
        });
        expectError(response, 401, "unauthorized");
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
      }
    });
  }

  it("accepts the scheme case-insensitively and says the key is invalid", async () => {
    expectSuccess(await call("GET", "/v1/contacts", { headers: { authorization: `bearer ${tenant.apiKey}` } }));
    const response = await call("GET", "/v1/contacts", { headers: { authorization: `Bearer nxv_${"b".repeat(40)}` } });
    expect(expectError(response, 401, "unauthorized").message).toBe("Invalid API key");
  });

  it("records when a key was last used", async () => {
    const row = await testStore().db.selectFrom("api_keys").select("last_used_at").where("id", "=", tenant.keyId).executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
  });

  it("a revoked key stops working at once", async () => {
    const other = await createTenant();
    expectSuccess(await client(other.apiKey).get("/v1/contacts"));
    await revokeApiKey(testStore(), other.keyId);
    expectError(await client(other.apiKey).get("/v1/contacts"), 401, "unauthorized");
  });
});

describe("failed authentication is limited per client address", () => {
  let server: RunningServer;
  let limitedStore: Store;
  beforeAll(async () => {
    server = await startServer({ AUTH_FAILURE_LIMIT_PER_MINUTE: "30" });
    limitedStore = storeFor(server.databaseUrl);
  });
  afterAll(async () => {
    await limitedStore.db.destroy();
    await server.stop();
  });

  it("answers 30 failed attempts with 401 counting down the address's budget, then 429 with Retry-After; a valid key still works", async () => {
    const attempt = () => call("GET", "/v1/contacts", { baseUrl: server.url, key: `nxv_${"Z".repeat(40)}` });
    for (let i = 1; i <= 30; i++) {
      const failed = await attempt();
      expectError(failed, 401, "unauthorized");
      expect([failed.headers.get("x-ratelimit-limit"), failed.headers.get("x-ratelimit-remaining")]).toEqual(["30", String(30 - i)]);
    }
    const limited = await attempt();
    expectError(limited, 429, "rate_limited");
    expect([limited.headers.get("x-ratelimit-limit"), limited.headers.get("x-ratelimit-remaining")]).toEqual(["30", "0"]);
    expect(Number(limited.headers.get("x-ratelimit-reset")) * 1000).toBeGreaterThan(Date.now());
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(limited.text).not.toContain("nxv_");

    // Guessing is limited, not the address's legitimate traffic.
    const { apiKey } = await createTenant("limited", limitedStore);
    expectSuccess(await call("GET", "/v1/contacts", { baseUrl: server.url, key: apiKey }));
  });
});
