import { describe, expect, it } from "vitest";
import { publicBaseUrl, secureCookies } from "../../lib/config";
import { startServer, temporaryDatabaseUrl } from "../support/server";

// BASE_URL is the dashboard's public URL. A wrong one must stop the server at start with a
// message that names it, rather than make every sign-in fail later.

const REFUSED = /BASE_URL must be an absolute http:\/\/ or https:\/\/ URL such as https:\/\/contacts\.example\.com/;

describe("BASE_URL", () => {
  it.each(["/", "contacts.example.com", "/dashboard", "ftp://contacts.example.com", "javascript:alert(1)"])("refuses %j", (value) => {
    expect(() => publicBaseUrl({ BASE_URL: value })).toThrow(REFUSED);
    expect(() => publicBaseUrl({ BASE_URL: value })).toThrow(`(got "${value}")`);
  });

  it("accepts an absolute http(s) URL, or nothing (then each request's own origin is used)", () => {
    expect(publicBaseUrl({ BASE_URL: "https://contacts.example.com" })?.origin).toBe("https://contacts.example.com");
    expect(publicBaseUrl({ BASE_URL: " http://localhost:3000 " })?.origin).toBe("http://localhost:3000");
    expect(publicBaseUrl({})).toBeUndefined();
    expect(publicBaseUrl({ BASE_URL: "  " })).toBeUndefined();
  });

  it("makes session cookies Secure only for https, unless SECURE_COOKIES says otherwise", () => {
    expect(secureCookies({ BASE_URL: "https://contacts.example.com" })).toBe(true);
    expect(secureCookies({ BASE_URL: "http://contacts.example.com" })).toBe(false);
    expect(secureCookies({ BASE_URL: "https://contacts.example.com", SECURE_COOKIES: "false" })).toBe(false);
    expect(secureCookies({ SECURE_COOKIES: "true" })).toBe(true);
  });

  it("a server started with BASE_URL=/ exits non-zero at once, saying why", async () => {
    const started = startServer({ BASE_URL: "/", DATABASE_URL: temporaryDatabaseUrl("base-url") });
    await expect(started).rejects.toThrow(/server exited with [1-9]\d*:/);
    await expect(started).rejects.toThrow(REFUSED);
  });
});
