import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "../support/fixtures";
import { rawRequest } from "../support/raw-http";
import { contentType } from "./body-arbitraries";
import { headerValue } from "./request-arbitraries";
import { expectContractResponse } from "./contract-response";
import { createTenants, seedContact, startHardeningServer, workspaceSnapshot, type HardeningServer, type SeededContact } from "./hardening-server";

// Odd and hostile headers around otherwise good requests: the answer stays the contract's, the
// request id is echoed only when it is safe to echo, and a refused request changes nothing.

const NUM_RUNS = 300;
const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

let harness: HardeningServer;
let a: Tenant;
let target: SeededContact;

beforeAll(async () => {
  harness = await startHardeningServer();
  [a] = await createTenants(harness.store, "Headers A");
  target = await seedContact(harness.server.url, harness.store, a, "Header Target");
});

afterAll(() => harness.stop());

const authorization = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(`Bearer ${a.apiKey}`, `bearer ${a.apiKey}`, `Bearer  ${a.apiKey}`, `Bearer\t${a.apiKey} `) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        `Bearer ${a.apiKey} extra`,
        `Bearer ${a.apiKey},Bearer ${a.apiKey}`,
        `Basic ${Buffer.from(`${a.apiKey}:`).toString("base64")}`,
        `${a.apiKey}`,
        `Bearer ${a.apiKey.slice(0, -1)}`,
        `Bearer ${a.apiKey}%00`,
        "Bearer",
        "",
      ),
    },
    { weight: 1, arbitrary: headerValue.map((value) => `Bearer ${value}`) },
  );

const extraHeaders = fc.record(
  {
    "x-request-id": fc.oneof(headerValue, fc.constantFrom("req-1", "a".repeat(128), "a".repeat(129), "id with spaces", "../../x")),
    accept: fc.oneof(headerValue, fc.constantFrom("text/html", "application/xml", "*/*;q=0")),
    "accept-charset": headerValue,
    "accept-encoding": fc.constantFrom("gzip", "br", "identity;q=0", "*;q=0", "x-garbage"),
    "content-encoding": fc.constantFrom("gzip", "deflate", "br", "identity", "x-garbage"),
    cookie: fc.oneof(headerValue, fc.constantFrom("nexvio.session_token=forged.value", "nexvio.session_token=")),
    origin: fc.constantFrom("https://evil.example", "null", ""),
    "x-forwarded-for": headerValue,
    "x-nexvio-client-address": headerValue,
    "x-http-method-override": fc.constantFrom("DELETE", "PUT", "GET"),
    host: fc.constantFrom("evil.example", "localhost:1", "[::1]", "a".repeat(300)),
  },
  { requiredKeys: [] },
);

const requests = () =>
  fc.constantFrom(
    { method: "GET", path: "/v1/contacts?limit=2", ok: 200 },
    { method: "GET", path: `/v1/contacts/${target.id}`, ok: 200 },
    { method: "POST", path: "/v1/contacts", body: JSON.stringify({ chatbotId: a.chatbotIds[0], name: "Header Made" }), ok: 201 },
    { method: "PATCH", path: `/v1/contacts/${target.id}`, body: JSON.stringify({ metadata: { touched: true } }), ok: 200 },
  );

describe("hostile headers", () => {
  it(`${NUM_RUNS} generated header sets keep the contract; a refused request changes nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(requests(), authorization(), extraHeaders, contentType, async (request, auth, extra, type) => {
        const headers: Record<string, string> = { ...extra, authorization: auth };
        if (request.body !== undefined) headers["content-type"] = type;
        const before = await workspaceSnapshot(harness.store, a.workspaceId);
        const response = await rawRequest(harness.server.url, { method: request.method, path: request.path, headers, body: request.body });
        expectContractResponse(response, { allowed: [request.ok, 400, 401, 415] });

        // HTTP drops the spaces and tabs around a header value before anyone reads it.
        const given = extra["x-request-id"]?.replace(/^[ \t]+|[ \t]+$/g, "");
        if (given !== undefined && REQUEST_ID_PATTERN.test(given)) expect(response.headers["x-request-id"]).toBe(given);
        else expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

        if (response.status !== request.ok) expect(await workspaceSnapshot(harness.store, a.workspaceId)).toBe(before);
      }),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);
});

describe("a Host header no URL can hold", () => {
  // The API app reads its request's URL; a Host with a space in it makes none. The request is not
  // valid HTTP, answered as one: the contract's 400 naming the header, and nothing is stored.
  it.each([
    ["GET", "/v1/contacts", undefined],
    ["POST", "/v1/contacts", JSON.stringify({ chatbotId: "x", name: "Never stored" })],
  ])("%s %s: 400 naming Host", async (method, path, body) => {
    const before = await workspaceSnapshot(harness.store, a.workspaceId);
    const headers: Record<string, string> = { host: "bad host", authorization: `Bearer ${a.apiKey}`, "content-type": "application/json" };
    const response = await rawRequest(harness.server.url, { method, path, headers, body });
    const envelope = expectContractResponse(response, { allowed: [400] });
    expect(envelope.error?.details).toEqual({ Host: "Could not be read" });
    expect(await workspaceSnapshot(harness.store, a.workspaceId)).toBe(before);
  });
});
