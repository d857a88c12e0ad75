import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, expectSuccess } from "../support/api";
import type { Tenant } from "../support/fixtures";
import { documentedAnswers } from "../support/documented-answers";
import { expectRawAnswerDocumented, rawRequest, type RawResponse } from "../support/raw-http";
import { expectContractResponse } from "./contract-response";
import { createTenants, seedContact, startHardeningServer, workspaceSnapshot, type HardeningServer, type SeededContact } from "./hardening-server";

// The 1 MiB limit holds while the body is still arriving: a client that sends too much, or says
// it will, gets 413 at once, without the server waiting for (or buffering) the rest.
// tests/api/http-errors.test.ts covers bodies that end; these never do.

const MIB = 1024 * 1024;
const PROMPT_MS = 3000;

let harness: HardeningServer;
let a: Tenant;
let target: SeededContact;

beforeAll(async () => {
  harness = await startHardeningServer();
  [a] = await createTenants(harness.store, "Body limit");
  target = await seedContact(harness.server.url, harness.store, a, "Limit Target");
});

afterAll(() => harness.stop());

interface OpenRequest {
  request: http.ClientRequest;
  /** The response, read to its end while the request body may still be open. */
  response: Promise<RawResponse>;
}

/** Starts a request whose body the test writes (and need never finish). */
function openRequest(method: string, path: string, headers: Record<string, string>): OpenRequest {
  const { hostname, port } = new URL(harness.server.url);
  const started = performance.now();
  // A socket of its own: it is destroyed half-written afterwards.
  const request = http.request({ agent: false, hostname, port, method, path, headers: { authorization: `Bearer ${a.apiKey}`, "content-type": "application/json", ...headers } });
  const answer = new Promise<RawResponse>((resolve, reject) => {
    request.on("response", (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () =>
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString("utf8"), elapsedMs: performance.now() - started }),
      );
    });
    request.on("error", reject);
  });
  request.flushHeaders();
  const response = Promise.all([documentedAnswers(harness.server.url), answer]).then(([problemsOf, received]) => {
    expectRawAnswerDocumented(problemsOf, { method, path }, received);
    return received;
  });
  return { request, response };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);
}

const writes = () => [
  { method: "POST", path: "/v1/contacts", prefix: `{"chatbotId":"${a.chatbotIds[0]}","name":"` },
  { method: "PATCH", path: `/v1/contacts/${target.id}`, prefix: '{"name":"' },
];

async function expectNothingChanged(before: string) {
  expect(await workspaceSnapshot(harness.store, a.workspaceId)).toBe(before);
  // The server is still serving.
  expectSuccess(await call("GET", "/v1/contacts?limit=1", { baseUrl: harness.server.url, key: a.apiKey }));
}

describe("a body that never ends", () => {
  it.each([
    ["in one write", 1],
    ["in 64 KiB writes", 17],
  ])("chunked, no length declared, just over 1 MiB written %s: 413 before the body ends", async (_label, pieces) => {
    for (const { method, path, prefix } of writes()) {
      const before = await workspaceSnapshot(harness.store, a.workspaceId);
      const { request, response } = openRequest(method, path, { "transfer-encoding": "chunked" });
      const payload = Buffer.concat([Buffer.from(prefix), Buffer.alloc(MIB + 1 - prefix.length, "z")]);
      const pieceSize = Math.ceil(payload.length / pieces);
      for (let at = 0; at < payload.length; at += pieceSize) request.write(payload.subarray(at, at + pieceSize));
      // The body is never ended: only the server's early answer can settle this.
      const answer = await within(response, PROMPT_MS, `${method} ${path}`);
      request.destroy();
      expectContractResponse(answer, { allowed: [413] });
      await expectNothingChanged(before);
    }
  });

  it.each([
    ["10 GiB", String(10 * 1024 * MIB)],
    ["1 MiB and 1 byte", String(MIB + 1)],
  ])("Content-Length of %s that is never sent: 413 at once", async (_label, declared) => {
    for (const { method, path, prefix } of writes()) {
      const before = await workspaceSnapshot(harness.store, a.workspaceId);
      const { request, response } = openRequest(method, path, { "content-length": declared });
      request.write(prefix);
      const answer = await within(response, PROMPT_MS, `${method} ${path}`);
      request.destroy();
      expectContractResponse(answer, { allowed: [413] });
      await expectNothingChanged(before);
    }
  });
});

describe("a Content-Length no parser can hold", () => {
  // Node's HTTP parser refuses the request line and headers before the app runs; the server still
  // answers in the contract's envelope (not Node's bare 400), at once, and nothing is stored.
  it("is refused at once by the HTTP layer", async () => {
    for (const { method, path, prefix } of writes()) {
      const before = await workspaceSnapshot(harness.store, a.workspaceId);
      const { request, response } = openRequest(method, path, { "content-length": "99999999999999999999999" });
      request.write(prefix);
      const answer = await within(response, PROMPT_MS, `${method} ${path}`);
      request.destroy();
      const body = expectContractResponse(answer, { allowed: [400] });
      expect(body.error?.details).toEqual({ "Content-Length": "Could not be read" });
      await expectNothingChanged(before);
    }
  });
});

describe("the limit is exactly 1 MiB", () => {
  // A body of exactly `size` bytes that is valid JSON with an unknown field, so a body that is read is refused by validation.
  const bodyOfSize = (size: number) => {
    const head = '{"name":"x","pad":"';
    const tail = '"}';
    return Buffer.concat([Buffer.from(head), Buffer.alloc(size - head.length - tail.length, "p"), Buffer.from(tail)]);
  };

  it.each([
    ["declared", false],
    ["chunked", true],
  ])("1,048,576 bytes (%s) are read and validated; one byte more is 413", async (_label, chunked) => {
    const before = await workspaceSnapshot(harness.store, a.workspaceId);
    for (const [size, status] of [[MIB, 400], [MIB + 1, 413]] as const) {
      const headers: Record<string, string> = { authorization: `Bearer ${a.apiKey}`, "content-type": "application/json" };
      if (chunked) headers["transfer-encoding"] = "chunked";
      const response = await rawRequest(harness.server.url, { method: "PATCH", path: `/v1/contacts/${target.id}`, headers, body: bodyOfSize(size) });
      const body = expectContractResponse(response, { allowed: [status] });
      if (status === 400) expect(body.error?.details).toEqual({ pad: "Unknown field" });
    }
    await expectNothingChanged(before);
  });
});
