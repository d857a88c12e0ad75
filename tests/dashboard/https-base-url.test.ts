import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore } from "../../lib/db/client";
import { directives } from "../support/content-security-policy";
import { createTenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";
import { signedInStaff, signIn, STAFF_PASSWORD } from "../support/staff";

// What BASE_URL=https://… changes: browsers are told to keep to HTTPS and session cookies are
// Secure. (Tests talk plain HTTP to the server, as a TLS-terminating proxy in front of it would.)

let server: RunningServer;
let staffEmail: string;

beforeAll(async () => {
  server = await startServer({ BASE_URL: "https://contacts.example.com" });
  const store = await openMigratedStore(databaseConfig({ DATABASE_URL: server.databaseUrl }));
  staffEmail = (await signedInStaff(await createTenant("HTTPS", store), store, server.url)).email;
  await store.db.destroy();
}, 60_000);
afterAll(() => server.stop());

describe("served over HTTPS (BASE_URL=https://…)", () => {
  it("tells browsers to keep to HTTPS, on pages and API answers alike", async () => {
    for (const path of ["/login", "/v1/contacts", "/v1/openapi.json", "/api/auth/get-session"]) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(response.headers.get("strict-transport-security"), path).toBe("max-age=63072000; includeSubDomains");
    }
    const page = await fetch(`${server.url}/login`);
    expect(directives(page.headers.get("content-security-policy")!).has("upgrade-insecure-requests")).toBe(true);
  });

  it("makes the session cookie Secure", async () => {
    const response = await signIn(staffEmail, STAFF_PASSWORD, server.url);
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token="));
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
  });
});
