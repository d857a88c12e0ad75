import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../lib/api-keys/secret";
import { call, client, expectError, expectSuccess, type ApiResponse } from "../support/api";
import { createTenant, type Tenant } from "../support/fixtures";
import { signedInStaff, type SignedInStaff } from "../support/staff";

// The dashboard's API key endpoints: a staff session only, scoped to the staff member's workspace.

const KEYS = "/api/workspace/api-keys";

let a: Tenant;
let b: Tenant;
let staffA: SignedInStaff;
let staffB: SignedInStaff;
// Every answer these tests get, to check that no stored hash ever leaves the server.
const seen: ApiResponse[] = [];

beforeAll(async () => {
  [a, b] = [await createTenant("Keys A"), await createTenant("Keys B")];
  [staffA, staffB] = [await signedInStaff(a), await signedInStaff(b)];
});

function dashboard(staff: SignedInStaff) {
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await call(method, path, { headers: staff.headers, body });
    seen.push(response);
    return response;
  };
  return {
    list: async () => expectSuccess(await send("GET", KEYS)).apiKeys as Array<Record<string, unknown>>,
    create: (body: unknown) => send("POST", KEYS, body),
    revoke: (keyId: string) => send("DELETE", `${KEYS}/${keyId}`),
  };
}

const contactsWith = (key: string) => client(key).get("/v1/contacts?limit=1");

describe("GET /api/workspace/api-keys", () => {
  it("lists the workspace's keys in the public shape and never another workspace's", async () => {
    const keysOfA = await dashboard(staffA).list();
    expect(keysOfA).toEqual([
      { id: a.keyId, name: "test key", prefix: a.apiKey.slice(0, 10), createdAt: expect.any(String), lastUsedAt: null },
    ]);
    const keysOfB = await dashboard(staffB).list();
    expect(keysOfB.map((k) => k.id)).toEqual([b.keyId]);
  });
});

describe("POST /api/workspace/api-keys", () => {
  it("creates a key, returns it once, and the key works on /v1 at once", async () => {
    const api = dashboard(staffA);
    const created = expectSuccess(await api.create({ name: "  CRM sync  " }), 201);
    expect(created).toEqual({
      apiKey: { id: expect.stringMatching(/^key_/), name: "CRM sync", prefix: created.key.slice(0, 10), createdAt: expect.any(String), lastUsedAt: null },
      key: expect.stringMatching(/^nxv_[0-9A-Za-z]{40}$/),
    });

    expectSuccess(await contactsWith(created.key));

    // Listed newest first, with its use recorded, and the secret nowhere in the list.
    const listed = await api.list();
    expect(listed.map((k) => k.id)).toEqual([created.apiKey.id, a.keyId]);
    expect(listed[0].lastUsedAt).toEqual(expect.any(String));
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect((await dashboard(staffB).list()).map((k) => k.id)).toEqual([b.keyId]);
  });

  it.each([
    ["an empty name", { name: "" }],
    ["a blank name", { name: "   " }],
    ["a name over 100 characters", { name: "x".repeat(101) }],
    ["a missing name", {}],
    ["a name that is not a string", { name: 42 }],
  ])("refuses %s with 400 validation_error and details.name", async (_label, body) => {
    const error = expectError(await dashboard(staffA).create(body), 400, "validation_error");
    expect(error.details).toEqual({ name: expect.any(String) });
  });

  it("accepts a name of exactly 100 characters and refuses unknown fields", async () => {
    expectSuccess(await dashboard(staffB).create({ name: "y".repeat(100) }), 201);
    const error = expectError(await dashboard(staffB).create({ name: "ok", workspaceId: a.workspaceId }), 400, "validation_error");
    expect(error.details).toEqual({ workspaceId: "Unknown field" });
  });
});

describe("DELETE /api/workspace/api-keys/{keyId}", () => {
  it("revokes the key: it gets 401 on /v1 at once and leaves the list", async () => {
    const api = dashboard(staffA);
    const { apiKey, key } = expectSuccess(await api.create({ name: "To revoke" }), 201);
    expectSuccess(await contactsWith(key));

    expect(expectSuccess(await api.revoke(apiKey.id))).toEqual({ revoked: true, id: apiKey.id });
    expectError(await contactsWith(key), 401, "unauthorized");
    expect((await api.list()).map((k) => k.id)).not.toContain(apiKey.id);

    // Revoking again: the same 404 as an unknown id.
    const again = await api.revoke(apiKey.id);
    expect(expectError(again, 404, "not_found").message).toBe("API key not found");
    expect(again.body).toEqual((await api.revoke("key_doesnotexist")).body);
  });

  it("answers 404 for another workspace's key, which keeps working", async () => {
    const foreign = await dashboard(staffB).revoke(a.keyId);
    expect(expectError(foreign, 404, "not_found").message).toBe("API key not found");
    expectSuccess(await contactsWith(a.apiKey));
    expect((await dashboard(staffA).list()).map((k) => k.id)).toContain(a.keyId);
  });
});

describe("who may call these endpoints", () => {
  it("refuses an API key (Bearer) with 401 on every method", async () => {
    for (const [method, path] of [
      ["GET", KEYS],
      ["POST", KEYS],
      ["DELETE", `${KEYS}/${a.keyId}`],
    ] as const) {
      const response = await call(method, path, { key: a.apiKey, ...(method === "POST" ? { body: { name: "via key" } } : {}) });
      seen.push(response);
      expectError(response, 401, "unauthorized");
    }
    expect((await dashboard(staffA).list()).map((k) => k.name)).not.toContain("via key");
    expectSuccess(await contactsWith(a.apiKey));
  });

  it("refuses no credentials at all with 401", async () => {
    expectError(await call("GET", KEYS), 401, "unauthorized");
  });

  it("refuses a cross-site write carrying the session cookie with 403 forbidden", async () => {
    const crossSite = { ...staffA.headers, origin: "https://evil.example" };
    const created = await call("POST", KEYS, { headers: crossSite, body: { name: "Forged" } });
    seen.push(created);
    expectError(created, 403, "forbidden");
    expectError(await call("DELETE", `${KEYS}/${a.keyId}`, { headers: crossSite }), 403, "forbidden");

    expect((await dashboard(staffA).list()).map((k) => k.name)).not.toContain("Forged");
    expectSuccess(await contactsWith(a.apiKey));
  });

  it("answers other methods with 405 and Allow", async () => {
    const put = await call("PUT", KEYS, { headers: staffA.headers, body: { name: "x" } });
    expectError(put, 405, "method_not_allowed");
    expect(put.headers.get("allow")).toBe("GET, POST, HEAD");
    const get = await call("GET", `${KEYS}/${a.keyId}`, { headers: staffA.headers });
    expectError(get, 405, "method_not_allowed");
    expect(get.headers.get("allow")).toBe("DELETE");
  });
});

describe("secrets", () => {
  it("no answer ever carried a key hash", async () => {
    const everything = seen.map((response) => response.text).join("\n");
    expect(seen.length).toBeGreaterThan(10);
    expect(everything).not.toMatch(/key_?hash/i);
    const keys = [a.apiKey, b.apiKey, ...(everything.match(/nxv_[0-9A-Za-z]{40}/g) ?? [])];
    expect(keys.length).toBeGreaterThan(2);
    for (const key of keys) expect(everything).not.toContain(hashApiKey(key));
  });
});
