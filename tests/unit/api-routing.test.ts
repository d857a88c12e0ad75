import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { byPrecedence, createApiApp } from "@/lib/api/app";
import { defineRoute, type AnyRoute } from "@/lib/api/route";

// The router in-process (app.request, no server): static segments win over parameters whatever
// order the routes are defined in. OPTIONS and 405 answer without a key, so they show which
// route a path reached.

// Vitest sets Vite's BASE_URL ("/"); to the app, BASE_URL is its public URL.
beforeAll(() => {
  delete process.env.BASE_URL;
});

const route = (method: "get" | "post" | "delete", path: string): AnyRoute =>
  defineRoute({
    method,
    path,
    operationId: `${method}${path}`,
    summary: path,
    description: path,
    tag: "Test",
    request: {},
    success: { status: 200, description: "ok", data: z.object({}) },
    errors: {},
    handler: async () => ({ status: 200, data: {} }),
  });

const exportRoute = route("get", "/v1/things/export");
const deleteThing = route("delete", "/v1/things/{thingId}");

describe("routing precedence", () => {
  it("sorts a static segment before a parameter in the same place, keeping the order otherwise", () => {
    const list = route("get", "/v1/things");
    const nested = route("get", "/v1/things/{thingId}/parts");
    expect(byPrecedence([deleteThing, nested, exportRoute, list]).map((r) => r.path)).toEqual([
      "/v1/things",
      "/v1/things/export",
      "/v1/things/{thingId}",
      "/v1/things/{thingId}/parts",
    ]);
  });

  it.each([
    ["parameter route defined first", [deleteThing, exportRoute]],
    ["static route defined first", [exportRoute, deleteThing]],
  ])("/v1/things/export reaches the static route (%s)", async (_, routes) => {
    const app = createApiApp(routes);
    const options = await app.request("/v1/things/export", { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD");
    const refused = await app.request("/v1/things/export", { method: "DELETE" });
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("GET, HEAD");
    const other = await app.request("/v1/things/thing_1", { method: "OPTIONS" });
    expect(other.headers.get("allow")).toBe("DELETE");
  });

  it("answers an unknown path and a trailing slash with the contract's 404, request id and security headers", async () => {
    const app = createApiApp([exportRoute]);
    for (const path of ["/v1/nowhere", "/v1/things/export/"]) {
      const response = await app.request(path, { headers: { "x-request-id": "req-1" } });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ status: "error", error: { code: "not_found" } });
      expect(response.headers.get("x-request-id")).toBe("req-1");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });
});
