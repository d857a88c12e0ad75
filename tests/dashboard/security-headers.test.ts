import { beforeAll, describe, expect, inject, it } from "vitest";
import { pageContentSecurityPolicy } from "../../lib/security/headers";
import { directives } from "../support/content-security-policy";
import { createTenant, type Tenant } from "../support/fixtures";
import { signedInStaff, type SignedInStaff } from "../support/staff";

// Every answer — pages, the API and its errors, better-auth, Next.js's own files, redirects —
// carries the security headers; pages get a script nonce of their own and nothing else runs.

let tenant: Tenant;
let staff: SignedInStaff;
let staticAsset: string;

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

beforeAll(async () => {
  tenant = await createTenant("Security headers");
  staff = await signedInStaff(tenant);
  const html = await (await fetch(`${inject("baseUrl")}/login`)).text();
  staticAsset = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)![1];
});

interface Case {
  what: string;
  path: () => string;
  init?: () => RequestInit;
  status: number;
  page: boolean;
}

const CASES: Case[] = [
  { what: "a signed-in dashboard page", path: () => "/contacts", init: () => ({ headers: { cookie: staff.cookie } }), status: 200, page: true },
  { what: "the sign-in page", path: () => "/login", status: 200, page: true },
  { what: "an unknown page", path: () => "/no-such-page", status: 404, page: true },
  { what: "a dashboard page without a session (redirect)", path: () => "/contacts", status: 307, page: false },
  { what: "an API success", path: () => "/v1/contacts?limit=1", init: () => ({ headers: { authorization: `Bearer ${tenant.apiKey}` } }), status: 200, page: false },
  { what: "an API validation error", path: () => "/v1/contacts?limit=0", init: () => ({ headers: { authorization: `Bearer ${tenant.apiKey}` } }), status: 400, page: false },
  { what: "an API request without a key", path: () => "/v1/contacts", status: 401, page: false },
  { what: "an unknown API path", path: () => "/v1/no-such-endpoint", status: 404, page: false },
  { what: "an API path no route can have (answered before Next.js)", path: () => "/v1/contacts/%zz", status: 404, page: false },
  { what: "the OpenAPI document", path: () => "/v1/openapi.json", status: 200, page: false },
  { what: "a static asset", path: () => staticAsset, status: 200, page: false },
  { what: "a missing static asset", path: () => "/_next/static/chunks/no-such-file.js", status: 404, page: false },
  { what: "a better-auth endpoint", path: () => "/api/auth/get-session", init: () => ({ headers: { cookie: staff.cookie } }), status: 200, page: false },
  {
    what: "a failed sign-in",
    path: () => "/api/auth/sign-in/email",
    init: () => ({
      method: "POST",
      headers: { "content-type": "application/json", origin: inject("baseUrl") },
      body: JSON.stringify({ email: staff.email, password: "wrong-password" }),
    }),
    status: 401,
    page: false,
  },
  { what: "a dashboard-only endpoint", path: () => "/api/workspace/chatbots", init: () => ({ headers: { cookie: staff.cookie } }), status: 200, page: false },
];

describe.each(CASES)("$what", ({ path, init, status, page }) => {
  let response: Response;
  let body: string;
  beforeAll(async () => {
    response = await fetch(`${inject("baseUrl")}${path()}`, { redirect: "manual", ...init?.() });
    body = await response.text();
  });

  it(`answers ${status}`, () => {
    expect(response.status).toBe(status);
  });

  it("forbids framing, sniffing and leaking the full referrer, and turns off powerful features", () => {
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
    // Served over plain http here: promising HTTPS would lock browsers out.
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("has one Content-Security-Policy that forbids framing and eval", () => {
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).not.toContain(","); // two policies would be joined with a comma
    const parsed = directives(policy);
    expect(parsed.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy).not.toContain("unsafe-eval");
    expect(parsed.get("script-src") ?? []).not.toContain("'unsafe-inline'");
    expect(parsed.get("object-src") ?? parsed.get("default-src")).toEqual(["'none'"]);
  });

  if (page) {
    it("lets only scripts with this response's nonce run, and puts that nonce on every script tag", () => {
      const policy = response.headers.get("content-security-policy")!;
      const scriptSources = directives(policy).get("script-src")!;
      expect(scriptSources).toContain("'strict-dynamic'");
      const nonce = policy.match(NONCE)![1];
      const scriptTags = body.match(/<script\b[^>]*>/g) ?? [];
      expect(scriptTags.length).toBeGreaterThan(0);
      for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
    });

    it("makes a new nonce for every response", async () => {
      const again = await fetch(`${inject("baseUrl")}${path()}`, { redirect: "manual", ...init?.() });
      const nonces = [response, again].map((r) => r.headers.get("content-security-policy")!.match(NONCE)![1]);
      expect(nonces[0]).not.toBe(nonces[1]);
      expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    });
  } else {
    it("allows nothing to load from it", () => {
      expect(directives(response.headers.get("content-security-policy")!).get("default-src")).toEqual(["'none'"]);
    });
  }
});

describe("the page policy outside production", () => {
  it("allows eval under `next dev` only (React's development build needs it), never in production or tests", () => {
    const scriptSources = (env: Record<string, string>) => directives(pageContentSecurityPolicy("bm9uY2U=", env)).get("script-src");
    expect(scriptSources({ NODE_ENV: "development" })).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'", "'unsafe-eval'"]);
    for (const NODE_ENV of ["production", "test"]) {
      expect(scriptSources({ NODE_ENV })).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    }
  });
});
