import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { call, client, expectError, expectSuccess } from "../support/api";
import { createTenant, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

let tenant: Tenant;
let contactId: string;
beforeAll(async () => {
  tenant = await createTenant();
  contactId = expectSuccess(await client(tenant.apiKey).post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0] } }), 201)
    .contact.id;
});

describe("unknown paths and methods under /v1", () => {
  it.each(["/v1", "/v1/", "/v1/contact", "/v1/contacts/x/y/z", "/v1/chatbots", "/v1/contacts/abc/conversations/more"])(
    "GET %s is 404 not_found in the envelope",
    async (p) => {
      expectError(await call("GET", p, { key: tenant.apiKey }), 404, "not_found");
    },
  );

  const routes: Array<[() => string, string[], string[]]> = [
    [() => "/v1/contacts", ["PUT", "PATCH", "DELETE"], ["GET", "POST"]],
    [() => `/v1/contacts/${contactId}`, ["POST", "PUT"], ["GET", "PATCH", "DELETE"]],
    [() => `/v1/contacts/${contactId}/conversations`, ["POST", "PUT", "PATCH", "DELETE"], ["GET"]],
    [() => "/v1/openapi.json", ["POST", "PUT", "PATCH", "DELETE"], ["GET"]],
  ];
  it.each(routes)("unsupported methods get 405 method_not_allowed with Allow (%#)", async (route, refused, allowed) => {
    for (const method of refused) {
      const response = await call(method, route(), { key: tenant.apiKey, body: {} });
      expectError(response, 405, "method_not_allowed");
      const allow = response.headers.get("allow")?.split(/,\s*/) ?? [];
      expect(allow).toEqual(expect.arrayContaining(allowed));
      for (const m of refused) expect(allow).not.toContain(m);
    }
  });
});

describe("request bodies", () => {
  const writes = (): Array<[string, string]> => [
    ["POST", "/v1/contacts"],
    ["PATCH", `/v1/contacts/${contactId}`],
  ];

  it("POST/PATCH without Content-Type: application/json get 415 unsupported_media_type", async () => {
    for (const [method, p] of writes()) {
      for (const contentType of [undefined, "text/plain", "application/x-www-form-urlencoded", "application/jsonp"]) {
        const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
        const response = await call(method, p, { key: tenant.apiKey, rawBody: JSON.stringify({ name: "X" }), headers });
        expectError(response, 415, "unsupported_media_type");
      }
    }
  });

  it("accepts application/json with a charset parameter", async () => {
    const response = await call("PATCH", `/v1/contacts/${contactId}`, {
      key: tenant.apiKey,
      rawBody: JSON.stringify({ name: "Charset" }),
      headers: { "content-type": "Application/JSON; charset=utf-8" },
    });
    expect(expectSuccess(response).contact.name).toBe("Charset");
  });

  it.each([
    ["not JSON", "{name: 'x'}"],
    ["truncated JSON", '{"name": "x"'],
    ["empty body", ""],
    ["a JSON array", "[]"],
    ["a JSON string", '"hello"'],
    ["JSON null", "null"],
  ])("%s is a validation_error on details.body", async (_label, raw) => {
    for (const [method, p] of writes()) {
      const response = await call(method, p, { key: tenant.apiKey, rawBody: raw, headers: { "content-type": "application/json" } });
      const error = expectError(response, 400, "validation_error");
      expect(Object.keys(error.details ?? {})).toEqual(["body"]);
    }
  });

  it("a body over 1 MiB gets 413 payload_too_large, whether declared or streamed", async () => {
    const big = JSON.stringify({ chatbotId: tenant.chatbotIds[0], name: "x", metadata: { note: "y".repeat(1024 * 1024) } });
    expectError(await client(tenant.apiKey).post("/v1/contacts", { rawBody: big, headers: { "content-type": "application/json" } }), 413, "payload_too_large");

    // Chunked, without Content-Length: the limit holds while streaming.
    const chunks = [Buffer.from(`{"chatbotId":"${tenant.chatbotIds[0]}","name":"`), Buffer.alloc(1024 * 1024 + 10, "z"), Buffer.from('"}')];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const response = await fetch(`${inject("baseUrl")}/v1/contacts`, {
      method: "POST",
      headers: { authorization: `Bearer ${tenant.apiKey}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
    expect(expectSuccess(await client(tenant.apiKey).get("/v1/contacts")).total).toBe(1);
  });

  it("a body just under 1 MiB is read (and then validated)", async () => {
    const body = JSON.stringify({ chatbotId: tenant.chatbotIds[0], metadata: { note: "y".repeat(1000) }, pad: "p".repeat(1000 * 1000) });
    const error = expectError(
      await client(tenant.apiKey).post("/v1/contacts", { rawBody: body, headers: { "content-type": "application/json" } }),
      400,
      "validation_error",
    );
    expect(error.details).toEqual({ pad: "Unknown field" });
  });
});

describe("an unexpected failure", () => {
  let broken: RunningServer;
  let dir: string;
  beforeAll(async () => {
    // A database path that is a directory: opening the store throws deep inside the driver.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexvio-broken-"));
    fs.mkdirSync(path.join(dir, "nexvio.db"));
    broken = await startServer({ DATABASE_URL: `file:${path.join(dir, "nexvio.db")}`, LOG_LEVEL: "info" });
  });
  afterAll(() => broken.stop());

  it("becomes 500 internal_error with no stack, SQL or path, and is logged with the request id", async () => {
    const response = await call("GET", "/v1/contacts", { baseUrl: broken.url, key: tenant.apiKey, headers: { "x-request-id": "req-test-500" } });
    const error = expectError(response, 500, "internal_error");
    expect(response.headers.get("x-request-id")).toBe("req-test-500");
    expect(error.message).toContain("req-test-500");
    for (const leak of [dir, "nexvio.db", "sqlite", "SQLITE", "at ", "node_modules", "Error:"]) expect(response.text).not.toContain(leak);
    await expect.poll(() => broken.output()).toContain("req-test-500");
    const logLine = broken.output().split("\n").find((line) => line.includes("req-test-500"));
    expect(JSON.parse(logLine ?? "{}")).toMatchObject({ level: 50, requestId: "req-test-500", path: "/v1/contacts" });
  });
});

describe("paths and methods (CONTRACT.md)", () => {
  it.each([() => "/v1/contacts/", () => `/v1/contacts/${contactId}/`, () => `/v1/contacts/${contactId}/conversations/`])(
    "a trailing slash is an unknown path: 404 (%#)",
    async (path) => {
      expectError(await call("GET", path(), { key: tenant.apiKey }), 404, "not_found");
    },
  );

  it.each([
    [() => "/v1/contacts", "GET, POST, HEAD"],
    [() => `/v1/contacts/${contactId}`, "GET, PATCH, DELETE, HEAD"],
    [() => `/v1/contacts/${contactId}/conversations`, "GET, HEAD"],
  ])("OPTIONS on a known path is 204 with the same Allow as its 405 (%#)", async (path, allow) => {
    const options = await call("OPTIONS", path());
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe(allow);
    expect(options.text).toBe("");
    const refused = await call("PUT", path(), { key: tenant.apiKey, body: {} });
    expect(refused.headers.get("allow")).toBe(allow);
  });

  it("OPTIONS on an unknown path is 404", async () => {
    expectError(await call("OPTIONS", "/v1/anything"), 404, "not_found");
  });

  it("HEAD is answered wherever GET is, without a body", async () => {
    const head = await call("HEAD", `/v1/contacts/${contactId}`, { key: tenant.apiKey });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.get("x-ratelimit-limit")).toMatch(/^\d+$/);
  });

  it.each([
    ["/v1/contacts?limit=2&limit=3", "limit"],
    ["/v1/contacts?sortBy=name&sortBy=email", "sortBy"],
    ["/v1/contacts?search=a&search=", "search"],
  ])("a known query parameter given twice is a validation_error naming it: %s", async (path, field) => {
    const error = expectError(await call("GET", path, { key: tenant.apiKey }), 400, "validation_error");
    expect(error.details).toEqual({ [field]: "Must be given at most once" });
  });

  it("an unknown query parameter given twice is still ignored", async () => {
    expectSuccess(await call("GET", "/v1/contacts?utm=a&utm=b", { key: tenant.apiKey }));
  });
});

describe("every response", () => {
  it("carries X-Request-Id and the JSON content type", async () => {
    const responses = [
      await call("GET", "/v1/contacts", { key: tenant.apiKey }),
      await call("GET", "/v1/contacts"),
      await call("GET", "/v1/nowhere"),
    ];
    for (const response of responses) {
      expect(response.headers.get("x-request-id")).toMatch(/^[\w.:-]+$/);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    }
  });
});
