import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "../support/fixtures";
import { rawRequest } from "../support/raw-http";
import { expectContractResponse } from "./contract-response";
import { createTenants, seedContact, startHardeningServer, workspaceSnapshot, type HardeningServer, type SeededContact } from "./hardening-server";

// The inputs the property tests found breaking the contract, pinned as examples so that each
// fix stays fixed whatever a future random run happens to generate.

let harness: HardeningServer;
let a: Tenant;
let target: SeededContact;
let before: string;

beforeAll(async () => {
  harness = await startHardeningServer();
  [a] = await createTenants(harness.store, "Regressions");
  target = await seedContact(harness.server.url, harness.store, a, "Regression Target");
  before = await workspaceSnapshot(harness.store, a.workspaceId);
});

afterAll(async () => {
  // Every request below was refused, and none of them changed a stored row.
  expect(await workspaceSnapshot(harness.store, a.workspaceId)).toBe(before);
  await harness.stop();
});

const send = (method: string, path: string, body?: string) =>
  rawRequest(harness.server.url, {
    method,
    path,
    body,
    headers: { authorization: `Bearer ${a.apiKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
  });

const writes = () => [
  ["POST", "/v1/contacts"],
  ["PATCH", `/v1/contacts/${target.id}`],
];

describe("fields named after Object.prototype's members", () => {
  // They used to find the prototype's functions in the message tables: `details` lost the field
  // (a function does not serialise) or carried `{}` instead of a message.
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"])("an unknown field %s is named with a message", async (field) => {
    for (const [method, path] of writes()) {
      const response = await send(method, path, `{"${field}":1}`);
      const body = expectContractResponse(response, { allowed: [400] });
      expect(body.error?.details?.[field]).toBe("Unknown field");
    }
  });
});

describe("text no database column can hold as given", () => {
  // NUL made PostgreSQL fail (500); a lone surrogate was stored as U+FFFD while the create answered
  // with the original. Both are now refused, alike on both backends.
  it.each([
    ["NUL in the name", (chatbotId: string) => `{"chatbotId":"${chatbotId}","name":"a\\u0000b"}`, "name"],
    ["a lone surrogate in the name", (chatbotId: string) => `{"chatbotId":"${chatbotId}","name":"x\\ud800"}`, "name"],
    ["NUL in the email", (chatbotId: string) => `{"chatbotId":"${chatbotId}","email":"a\\u0000@example.com"}`, "email"],
    ["NUL in the chatbotId", () => `{"chatbotId":"chatbot_\\u0000"}`, "chatbotId"],
    ["a lone surrogate in the chatbotId", () => `{"chatbotId":"chatbot_\\udc00"}`, "chatbotId"],
  ])("POST with %s is a validation_error on that field", async (_label, body, field) => {
    const response = await send("POST", "/v1/contacts", body(a.chatbotIds[0]));
    expect(Object.keys(expectContractResponse(response, { allowed: [400] }).error?.details ?? {})).toEqual([field]);
  });

  it("PATCH with NUL in the name is a validation_error", async () => {
    const response = await send("PATCH", `/v1/contacts/${target.id}`, '{"name":"\\u0000"}');
    expect(expectContractResponse(response, { allowed: [400] }).error?.details).toEqual({ name: expect.any(String) });
  });

  it.each(["search", "chatbotId"])("GET /v1/contacts?%s=%00 is a validation_error naming it", async (parameter) => {
    const response = await send("GET", `/v1/contacts?${parameter}=a%00b`);
    expect(expectContractResponse(response, { allowed: [400] }).error?.details).toEqual({ [parameter]: expect.any(String) });
  });

  it.each([
    ["GET", "/v1/contacts/contact_%00"],
    ["PATCH", "/v1/contacts/contact_%00"],
    ["DELETE", "/v1/contacts/contact_%00"],
    ["GET", "/v1/contacts/contact_%00/conversations"],
  ])("%s %s is 404 Contact not found", async (method, path) => {
    const response = await send(method, path, method === "PATCH" ? '{"name":"x"}' : undefined);
    expect(expectContractResponse(response, { allowed: [404] }).error?.message).toBe("Contact not found");
  });
});

describe("paths Next.js would answer on its own", () => {
  // Malformed escapes were a plain-text 500, `//`, `\` and `#` a 308 redirect, and dot segments
  // that walk out of /v1 an HTML page.
  it.each(["/v1/contacts/%zz", "/v1/%", "/v1/contacts/%c0%ae", "/v1/contacts/%E0%A4%A", "/v1//contacts", "/v1/contacts/a\\b", "/v1/contacts/x#y", "/v1/contacts/../../etc/passwd", "/v1/contacts/x/.."])(
    "%s is 404 not_found in the envelope, for reads and writes",
    async (path) => {
      for (const method of ["GET", "DELETE"]) {
        const response = await rawRequest(harness.server.url, { method, path, headers: { authorization: `Bearer ${a.apiKey}`, "x-request-id": "odd-path-1" } });
        expectContractResponse(response, { allowed: [404] });
        expect(response.headers["x-request-id"]).toBe("odd-path-1");
      }
    },
  );
});
