import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { call, expectError, expectSuccess } from "../support/api";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore } from "../../lib/db/client";
import { createTenant, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";
import { signedInStaff, signIn, STAFF_PASSWORD, type SignedInStaff } from "../support/staff";

// The dashboard calls /v1 with a staff session instead of an API key: same answers, scoped to the
// staff member's workspace, and writes only from our own origin.

let a: Tenant;
let b: Tenant;
let staffA: SignedInStaff;
let contactOfA: { id: string };
let contactOfB: { id: string };

beforeAll(async () => {
  [a, b] = [await createTenant("Session A"), await createTenant("Session B")];
  staffA = await signedInStaff(a);
  contactOfA = expectSuccess(await call("POST", "/v1/contacts", { key: a.apiKey, body: { chatbotId: a.chatbotIds[0], name: "Ann of A" } }), 201).contact;
  contactOfB = expectSuccess(await call("POST", "/v1/contacts", { key: b.apiKey, body: { chatbotId: b.chatbotIds[0], name: "Bob of B" } }), 201).contact;
});

const asStaff = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  call(method, path, { headers: { ...staffA.headers, ...headers }, body });

describe("a staff session on /v1", () => {
  it("sees its own workspace's contacts and nothing of another workspace", async () => {
    const list = expectSuccess(await asStaff("GET", "/v1/contacts"));
    expect(list.contacts.map((c: { id: string }) => c.id)).toEqual([contactOfA.id]);
    expectSuccess(await asStaff("GET", `/v1/contacts/${contactOfA.id}`));
    expectError(await asStaff("GET", `/v1/contacts/${contactOfB.id}`), 404, "not_found");
    expectError(await asStaff("PATCH", `/v1/contacts/${contactOfB.id}`, { name: "Mallory" }), 404, "not_found");
  });

  it("carries the rate-limit headers of its own (per staff member) budget", async () => {
    const response = await asStaff("GET", "/v1/contacts?limit=1");
    expect(response.headers.get("x-ratelimit-limit")).toBe("600");
    expect(Number(response.headers.get("x-ratelimit-remaining"))).toBeLessThan(600);
  });

  it("writes from the dashboard's own origin", async () => {
    const created = expectSuccess(await asStaff("POST", "/v1/contacts", { chatbotId: a.chatbotIds[0], name: "Made in the dashboard" }), 201);
    expectSuccess(await asStaff("PATCH", `/v1/contacts/${created.contact.id}`, { metadata: { plan: "pro" } }));
    expectSuccess(await asStaff("DELETE", `/v1/contacts/${created.contact.id}`));
  });

  it("refuses cross-site writes that carry the cookie, and changes nothing", async () => {
    const evil = { origin: "https://evil.example" };
    expectError(await asStaff("POST", "/v1/contacts", { chatbotId: a.chatbotIds[0], name: "Forged" }, evil), 403, "forbidden");
    expectError(await asStaff("PATCH", `/v1/contacts/${contactOfA.id}`, { name: "Forged" }, evil), 403, "forbidden");
    expectError(await asStaff("DELETE", `/v1/contacts/${contactOfA.id}`, undefined, evil), 403, "forbidden");
    // A browser that sends Fetch Metadata but no Origin.
    const crossSite = { cookie: staffA.cookie, "sec-fetch-site": "cross-site" };
    const response = await call("PATCH", `/v1/contacts/${contactOfA.id}`, { headers: crossSite, body: { name: "Forged" } });
    expectError(response, 403, "forbidden");
    // A refusal after sign-in is counted like any other answer, and says so.
    expect(response.headers.get("x-ratelimit-limit")).toBe("600");

    const contact = expectSuccess(await asStaff("GET", `/v1/contacts/${contactOfA.id}`)).contact;
    expect(contact.name).toBe("Ann of A");
    expect(expectSuccess(await asStaff("GET", "/v1/contacts?search=Forged")).total).toBe(0);
  });

  it("lets cross-site reads through (they cannot be read by the other site) and leaves API keys alone", async () => {
    expectSuccess(await asStaff("GET", "/v1/contacts?limit=1", undefined, { origin: "https://evil.example" }));
    const byKey = await call("PATCH", `/v1/contacts/${contactOfA.id}`, {
      key: a.apiKey,
      headers: { origin: "https://evil.example" },
      body: { metadata: { touchedBy: "integration" } },
    });
    expectSuccess(byKey);
  });

  it("uses the API key, not the cookie, when a request carries both", async () => {
    const response = await call("GET", "/v1/contacts", { key: b.apiKey, headers: staffA.headers });
    expect(expectSuccess(response).contacts.map((c: { id: string }) => c.id)).toEqual([contactOfB.id]);
  });

  it("without a valid session or key is 401 in the contract's envelope", async () => {
    expectError(await call("GET", "/v1/contacts", { headers: { cookie: "nexvio.session_token=forged.value" } }), 401, "unauthorized");
  });
});

describe("staff sign-in and sign-out", () => {
  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrongPassword = await signIn(staffA.email, "not-the-password");
    const unknownEmail = await signIn("nobody@example.com", STAFF_PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await unknownEmail.json());
  });

  it("sets an httpOnly, SameSite=Lax session cookie (not Secure over plain http)", async () => {
    const response = await signIn(staffA.email, STAFF_PASSWORD);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("nexvio.session_token="));
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  // The test servers inherit Vitest's TEST=true, under which better-auth skips this check unless
  // told otherwise: this also proves the server does not depend on its environment for it.
  it("refuses a sign-in posted from another site, and sets no cookie", async () => {
    const response = await call("POST", "/api/auth/sign-in/email", {
      headers: { origin: "https://evil.example" },
      body: { email: staffA.email, password: STAFF_PASSWORD },
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie().filter((c) => c.includes("session_token="))).toEqual([]);
  });

  it("signing out deletes the session on the server and clears the cookie: the old cookie stops working", async () => {
    const staff = await signedInStaff(a);
    expectSuccess(await call("GET", "/v1/contacts?limit=1", { headers: staff.headers }));
    const out = await call("POST", "/api/auth/sign-out", { headers: staff.headers, body: {} });
    expect(out.status).toBe(200);
    const cleared = out.headers.getSetCookie().find((c) => c.startsWith("nexvio.session_token="));
    expect(cleared).toMatch(/^nexvio\.session_token=;.*Max-Age=0/i);
    expectError(await call("GET", "/v1/contacts?limit=1", { headers: staff.headers }), 401, "unauthorized");
  });

  it("sends dashboard pages without a valid session to sign-in, keeping where they were going", async () => {
    const page = (headers: Record<string, string> = {}) =>
      fetch(`${inject("baseUrl")}/contacts?search=ann`, { headers, redirect: "manual" });
    for (const response of [await page(), await page({ cookie: "nexvio.session_token=forged.value" })]) {
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toMatch(/\/login\?next=%2Fcontacts%3Fsearch%3Dann$/);
    }
    expect((await page({ cookie: staffA.cookie })).status).toBe(200);
  });
});

describe("sign-in limits and secure cookies (a server of its own)", () => {
  let server: RunningServer;
  let staff: { email: string };
  beforeAll(async () => {
    server = await startServer({ SIGN_IN_LIMIT_PER_MINUTE: "3", SECURE_COOKIES: "true" });
    const store = await openMigratedStore(databaseConfig({ DATABASE_URL: server.databaseUrl }));
    const tenant = await createTenant("Limits", store);
    staff = { email: (await signedInStaff(tenant, store, server.url)).email };
    await store.db.destroy();
  }, 60_000);
  afterAll(() => server.stop());

  it("marks the session cookie Secure when told the site is served over HTTPS", async () => {
    const response = await signIn(staff.email, STAFF_PASSWORD, server.url);
    expect(response.headers.getSetCookie().find((c) => c.includes("session_token="))).toMatch(/; Secure/i);
  });

  it("slows repeated attempts from one address down with 429; then even the right password waits", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(staff.email, "wrong-password", server.url)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);

    const right = await signIn(staff.email, STAFF_PASSWORD, server.url);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect(right.headers.getSetCookie().filter((c) => c.includes("session_token="))).toEqual([]);
  });
});
