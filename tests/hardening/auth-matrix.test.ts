import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "../../lib/api-keys/repository";
import { call, expectError, expectSuccess, type ApiResponse } from "../support/api";
import type { Tenant } from "../support/fixtures";
import { signedInStaff, type SignedInStaff } from "../support/staff";
import { createTenants, seedContact, startHardeningServer, workspaceSnapshot, type HardeningServer, type SeededContact } from "./hardening-server";

// Every endpoint × every kind of caller that must not reach workspace A's data, generated from
// the two tables below. Callers without a valid credential get 401 before anything else is looked
// at; workspace B's key or session sees A's data as absent. None of them changes a stored row.

let harness: HardeningServer;
let a: Tenant;
let b: Tenant;
let contactOfA: SeededContact;
let contactOfB: SeededContact;
let revokedKeyOfA: string;
let staffA: SignedInStaff;
let staffB: SignedInStaff;
let snapshotBefore: string;

const snapshot = async () => {
  const keys = await harness.store.db.selectFrom("api_keys").select((eb) => eb.fn.countAll<number | string>().as("count")).executeTakeFirstOrThrow();
  return (await workspaceSnapshot(harness.store, a.workspaceId)) + (await workspaceSnapshot(harness.store, b.workspaceId)) + `keys:${Number(keys.count)}`;
};

beforeAll(async () => {
  harness = await startHardeningServer();
  const url = harness.server.url;
  [a, b] = await createTenants(harness.store, "Matrix A", "Matrix B");
  contactOfA = await seedContact(url, harness.store, a, "Alice Matrix");
  contactOfB = await seedContact(url, harness.store, b, "Bob Matrix");
  const revoked = await createApiKey(harness.store, a.workspaceId, "revoked key");
  await revokeApiKey(harness.store, revoked.apiKey.id);
  revokedKeyOfA = revoked.key;
  staffA = await signedInStaff(a, harness.store, url);
  staffB = await signedInStaff(b, harness.store, url);
  snapshotBefore = await snapshot();
});

afterAll(async () => {
  // Nothing any row of the matrix sent changed a stored row, and A's data reads as it did.
  expect(await snapshot()).toBe(snapshotBefore);
  const got = await call("GET", `/v1/contacts/${contactOfA.id}`, { baseUrl: harness.server.url, key: a.apiKey });
  expect(got.text).toBe(contactOfA.getText);
  await harness.stop();
});

const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  call(method, path, { baseUrl: harness.server.url, headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) }, rawBody: body === undefined ? undefined : JSON.stringify(body) });

interface Caller {
  label: string;
  headers: () => Record<string, string>;
}

// Callers with no valid credential: 401 + WWW-Authenticate: Bearer on every /v1 endpoint.
const unauthenticated: Caller[] = [
  { label: "no credentials", headers: () => ({}) },
  { label: "a Basic scheme carrying A's key", headers: () => ({ authorization: `Basic ${Buffer.from(`${a.apiKey}:`).toString("base64")}` }) },
  { label: "Bearer and nothing else", headers: () => ({ authorization: "Bearer" }) },
  { label: "a malformed key", headers: () => ({ authorization: "Bearer not-a-key" }) },
  { label: "A's key with its prefix upper-cased", headers: () => ({ authorization: `Bearer NXV_${a.apiKey.slice(4)}` }) },
  { label: "A's key one character short", headers: () => ({ authorization: `Bearer ${a.apiKey.slice(0, -1)}` }) },
  { label: "A's key with a character added", headers: () => ({ authorization: `Bearer ${a.apiKey}x` }) },
  { label: "A's key twice", headers: () => ({ authorization: `Bearer ${a.apiKey} ${a.apiKey}` }) },
  { label: "an unknown well-formed key", headers: () => ({ authorization: `Bearer nxv_${"A".repeat(40)}` }) },
  { label: "a revoked key of A", headers: () => ({ authorization: `Bearer ${revokedKeyOfA}` }) },
  { label: "a forged session cookie", headers: () => ({ cookie: "nexvio.session_token=forged.value", origin: harness.server.url }) },
  { label: "A's key in a cookie", headers: () => ({ cookie: `nexvio.session_token=${a.apiKey}`, origin: harness.server.url }) },
];

// Workspace B's credentials: authenticated, but A's data does not exist for them.
const otherWorkspace: Caller[] = [
  { label: "B's API key", headers: () => ({ authorization: `Bearer ${b.apiKey}` }) },
  { label: "B's staff session", headers: () => staffB.headers },
];

interface Endpoint {
  label: string;
  method: string;
  /** The path naming A's contact (or no contact). */
  path: () => string;
  /** A body and query that would themselves be refused: authentication must answer first. */
  badBody?: unknown;
  badQuery?: string;
  /** What B's credential gets, and that it saw nothing of A. */
  expectForOtherWorkspace: (response: ApiResponse, missing: () => Promise<ApiResponse>) => Promise<void>;
}

async function expectLikeMissing(response: ApiResponse, missing: () => Promise<ApiResponse>) {
  expect(expectError(response, 404, "not_found").message).toBe("Contact not found");
  expect(response.body).toEqual((await missing()).body);
}

const endpoints: Endpoint[] = [
  {
    label: "list",
    method: "GET",
    path: () => "/v1/contacts?limit=500",
    badQuery: "sortBy=phone",
    expectForOtherWorkspace: async (response) => {
      const data = expectSuccess(response);
      expect(data.contacts.map((c: { id: string }) => c.id)).toEqual([contactOfB.id]);
      expect(data.total).toBe(1);
    },
  },
  {
    label: "search for A's contact",
    method: "GET",
    path: () => "/v1/contacts?search=Alice",
    expectForOtherWorkspace: async (response) => expect(expectSuccess(response)).toMatchObject({ contacts: [], total: 0 }),
  },
  {
    label: "list filtered by A's chatbot",
    method: "GET",
    path: () => `/v1/contacts?chatbotId=${a.chatbotIds[0]}`,
    expectForOtherWorkspace: async (response) => expect(expectSuccess(response)).toMatchObject({ contacts: [], total: 0 }),
  },
  {
    label: "create for A's chatbot",
    method: "POST",
    path: () => "/v1/contacts",
    badBody: { nonsense: true, chatbotId: 42 },
    expectForOtherWorkspace: async (response) => {
      expect(expectError(response, 400, "validation_error").details).toEqual({ chatbotId: expect.any(String) });
    },
  },
  {
    label: "get A's contact",
    method: "GET",
    path: () => `/v1/contacts/${contactOfA.id}`,
    expectForOtherWorkspace: (response, missing) => expectLikeMissing(response, missing),
  },
  {
    label: "patch A's contact",
    method: "PATCH",
    path: () => `/v1/contacts/${contactOfA.id}`,
    badBody: { chatbotId: "chatbot_x", id: "contact_y" },
    expectForOtherWorkspace: (response, missing) => expectLikeMissing(response, missing),
  },
  {
    label: "delete A's contact",
    method: "DELETE",
    path: () => `/v1/contacts/${contactOfA.id}`,
    expectForOtherWorkspace: (response, missing) => expectLikeMissing(response, missing),
  },
  {
    label: "A's contact's conversations",
    method: "GET",
    path: () => `/v1/contacts/${contactOfA.id}/conversations`,
    badQuery: "limit=0",
    expectForOtherWorkspace: (response, missing) => expectLikeMissing(response, missing),
  },
];

/** The body B sends: a valid one, so that only tenancy can refuse it. */
const validBodyFor = (endpoint: Endpoint) =>
  endpoint.method === "POST" ? { chatbotId: a.chatbotIds[0], name: "Mallory" } : endpoint.method === "PATCH" ? { name: "Mallory" } : undefined;

const matrix = (callers: Caller[]) => endpoints.flatMap((endpoint) => callers.map((caller) => [endpoint.method, endpoint.label, caller.label, endpoint, caller] as const));

const withQuery = (path: string, query?: string) => (query ? `${path}${path.includes("?") ? "&" : "?"}${query}` : path);

describe("/v1 without a valid credential: 401 before validation and existence", () => {
  it.each(matrix(unauthenticated))("%s %s with %s", async (_m, _l, _c, endpoint, caller) => {
    // Once as A's data would be asked for, once with a missing id; both with a body and query that are themselves wrong.
    const path = withQuery(endpoint.path(), endpoint.badQuery);
    for (const attempt of [path, path.replace(contactOfA.id, "contact_missing")]) {
      const response = await send(endpoint.method, attempt, caller.headers(), endpoint.badBody ?? (endpoint.method === "PATCH" ? "not an object" : undefined));
      expectError(response, 401, "unauthorized");
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
      expect(response.text).not.toContain("Alice");
    }
  });
});

describe("/v1 with another workspace's credential: A's data is absent", () => {
  it.each(matrix(otherWorkspace))("%s %s with %s", async (_m, _l, _c, endpoint, caller) => {
    const response = await send(endpoint.method, endpoint.path(), caller.headers(), validBodyFor(endpoint));
    const missing = () => send(endpoint.method, endpoint.path().replace(contactOfA.id, "contact_missing"), caller.headers(), validBodyFor(endpoint));
    await endpoint.expectForOtherWorkspace(response, missing);
    expect(response.text).not.toContain("Alice");
  });
});

describe("/api/workspace/* take a staff session only", () => {
  const dashboardEndpoints = [
    { method: "GET", label: "api-keys", path: () => "/api/workspace/api-keys" },
    { method: "POST", label: "api-keys", path: () => "/api/workspace/api-keys", body: { name: "made without a session" } },
    { method: "DELETE", label: "api-keys/{A's key}", path: () => `/api/workspace/api-keys/${a.keyId}` },
    { method: "GET", label: "chatbots", path: () => "/api/workspace/chatbots" },
    { method: "GET", label: "stats", path: () => "/api/workspace/stats" },
  ];
  // A valid API key is no credential here: keys are for integrations, not for managing keys.
  const notStaff: Caller[] = [...unauthenticated, { label: "A's valid API key", headers: () => ({ authorization: `Bearer ${a.apiKey}` }) }];

  it.each(dashboardEndpoints.flatMap((endpoint) => notStaff.map((caller) => [endpoint.method, endpoint.label, caller.label, endpoint, caller] as const)))(
    "%s /api/workspace/%s with %s: 401",
    async (_m, _p, _c, endpoint, caller) => {
      const response = await send(endpoint.method, endpoint.path(), caller.headers(), endpoint.body);
      expectError(response, 401, "unauthorized");
      expect(response.text).not.toContain(a.chatbotIds[0]);
    },
  );

  it("B's session sees only B's keys, chatbots and totals, and cannot revoke A's key", async () => {
    const asB = (method: string, path: string) => send(method, path, staffB.headers);
    const keys = expectSuccess(await asB("GET", "/api/workspace/api-keys")).apiKeys.map((k: { id: string }) => k.id);
    expect(keys).toEqual([b.keyId]);
    const chatbots = expectSuccess(await asB("GET", "/api/workspace/chatbots")).chatbots.map((c: { id: string }) => c.id);
    expect(chatbots.sort()).toEqual([...b.chatbotIds].sort());
    const stats = await asB("GET", "/api/workspace/stats");
    expectSuccess(stats);
    for (const id of [...a.chatbotIds, contactOfA.id]) expect(stats.text).not.toContain(id);

    const revoke = await asB("DELETE", `/api/workspace/api-keys/${a.keyId}`);
    expect(expectError(revoke, 404, "not_found").message).toBe("API key not found");
    expect(revoke.body).toEqual((await asB("DELETE", "/api/workspace/api-keys/key_missing")).body);
    expectSuccess(await call("GET", "/v1/contacts?limit=1", { baseUrl: harness.server.url, key: a.apiKey }));
  });

  it("a key id or key name holding NUL is refused like other bad input, not with a 500", async () => {
    expectError(await send("DELETE", "/api/workspace/api-keys/key_%00", staffB.headers), 404, "not_found");
    expectError(await send("POST", "/api/workspace/api-keys", staffB.headers, { name: "bad\u0000name" }), 400, "validation_error");
  });

  it("A's own session reads A's keys (the matrix's 401s were not a broken endpoint)", async () => {
    const keys = expectSuccess(await send("GET", "/api/workspace/api-keys", staffA.headers)).apiKeys.map((k: { id: string }) => k.id);
    expect(keys).toEqual([a.keyId]);
  });
});
