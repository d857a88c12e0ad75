import { describe, expect, it } from "vitest";
import { client, expectError, expectSuccess } from "../support/api";
import { createTenant, newKeyFor } from "../support/fixtures";

describe("rate limit: 100 requests per minute per API key", () => {
  it("carries X-RateLimit headers on every authenticated response, and the 101st request gets 429 with Retry-After", async () => {
    const tenant = await createTenant();
    const api = client(tenant.apiKey);
    const startedAt = Math.floor(Date.now() / 1000);

    for (let i = 1; i <= 100; i++) {
      // Mix successes and failures: every authenticated answer counts and carries the headers.
      const response = i % 10 === 0 ? await api.get("/v1/contacts/contact_missing") : await api.get("/v1/contacts?limit=1");
      expect(response.status).toBe(i % 10 === 0 ? 404 : 200);
      expect(response.headers.get("x-ratelimit-limit")).toBe("100");
      expect(response.headers.get("x-ratelimit-remaining")).toBe(String(100 - i));
      const reset = Number(response.headers.get("x-ratelimit-reset"));
      expect(reset).toBeGreaterThanOrEqual(startedAt);
      expect(reset).toBeLessThanOrEqual(startedAt + 62);
    }

    const limited = await api.get("/v1/contacts");
    expectError(limited, 429, "rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("x-ratelimit-limit")).toBe("100");

    // Writes are refused too, and nothing is written.
    expectError(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0] } }), 429, "rate_limited");

    // Keys do not share a budget, even within one workspace.
    const otherKey = client(await newKeyFor(tenant));
    const fresh = await otherKey.get("/v1/contacts");
    expect(expectSuccess(fresh).total).toBe(0);
    expect(fresh.headers.get("x-ratelimit-remaining")).toBe("99");
  });
});
