import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, expectSuccess } from "../support/api";
import type { Tenant } from "../support/fixtures";
import { rawRequest } from "../support/raw-http";
import { bodyEncoding, bodyText, contentType, deepJson, encodeBody, invalidUtf8Index, plausibleBodyText, type BodyEncoding } from "./body-arbitraries";
import { expectContractResponse } from "./contract-response";
import { createTenants, seedContact, startHardeningServer, workspaceSnapshot, type HardeningServer, type SeededContact } from "./hardening-server";
import { CONTACT_KEYS } from "../support/contact-keys";

// Random and adversarial bodies for POST /v1/contacts and PATCH /v1/contacts/{id}, sent as exact
// bytes with a valid key. Whatever is sent: a status of the contract's table in its envelope within
// 2 s, a rejected request changes no stored row, and an accepted one stores what it answers.

const NUM_RUNS = { create: 250, update: 250 };

let harness: HardeningServer;
let a: Tenant;
let b: Tenant;
let sentinel: SeededContact;
let target: SeededContact;

beforeAll(async () => {
  harness = await startHardeningServer();
  [a, b] = await createTenants(harness.store, "Hostile A", "Hostile B");
  sentinel = await seedContact(harness.server.url, harness.store, a, "Sentinel Contact");
  target = await seedContact(harness.server.url, harness.store, a, "Target Contact");
  await seedContact(harness.server.url, harness.store, b, "Other Workspace");
});

afterAll(async () => {
  // The contact no request named is byte for byte what it was.
  const got = await call("GET", `/v1/contacts/${sentinel.id}`, { baseUrl: harness.server.url, key: a.apiKey });
  expect(got.text).toBe(sentinel.getText);
  await harness.stop();
});

const send = (method: string, path: string, body: Buffer, type: string) =>
  rawRequest(harness.server.url, {
    method,
    path,
    body,
    headers: { authorization: `Bearer ${a.apiKey}`, ...(type ? { "content-type": type } : {}) },
  });

const listTotal = async (tenant: Tenant) =>
  expectSuccess(await call("GET", "/v1/contacts?limit=1", { baseUrl: harness.server.url, key: tenant.apiKey })).total as number;

/** A hostile body sent any which way, or a plausible one sent properly (so that writes do happen). */
const bodyCase = (kind: "create" | "update") => {
  const context = { chatbotIds: [a.chatbotIds[0], a.chatbotIds[1], b.chatbotIds[0]] };
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ text: bodyText(context), encoding: bodyEncoding, invalidAt: invalidUtf8Index, type: contentType }) },
    {
      weight: 2,
      arbitrary: fc.record({
        text: plausibleBodyText(context, kind),
        encoding: fc.constant<BodyEncoding>("utf8"),
        invalidAt: fc.constant(0),
        type: fc.constant("application/json"),
      }),
    },
  );
};

/** What a stored contact must look like, whatever it was created from. */
function expectStoredContact(contact: Record<string, unknown>) {
  expect(Object.keys(contact).sort()).toEqual(CONTACT_KEYS);
  expect(a.chatbotIds).toContain(contact.chatbotId);
  const metadata = contact.metadata as Record<string, unknown>;
  expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
  for (const value of Object.values(metadata)) expect(["string", "number", "boolean"]).toContain(typeof value);
}

async function getContactData(id: string) {
  const got = await call("GET", `/v1/contacts/${encodeURIComponent(id)}`, { baseUrl: harness.server.url, key: a.apiKey });
  // As the list and the create show it: without the conversations a single read adds.
  const contact = { ...expectSuccess(got).contact };
  delete contact.conversations;
  return contact;
}

describe("hostile bodies", () => {
  it(`POST /v1/contacts: ${NUM_RUNS.create} generated bodies keep the contract and change nothing when refused`, async () => {
    let expectedTotalA = await listTotal(a);
    const totalB = await listTotal(b);
    const snapshotB = await workspaceSnapshot(harness.store, b.workspaceId);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(bodyCase("create"), async ({ text, encoding, invalidAt, type }) => {
        const before = await workspaceSnapshot(harness.store, a.workspaceId);
        const response = await send("POST", "/v1/contacts", encodeBody(text, encoding, invalidAt), type);
        const body = expectContractResponse(response, { allowed: [201, 400, 413, 415] });
        if (response.status === 201) {
          accepted++;
          expectedTotalA++;
          const { contact } = body.data as { contact: Record<string, unknown> };
          expectStoredContact(contact);
          expect(await getContactData(contact.id as string)).toEqual(contact);
        } else {
          expect(await workspaceSnapshot(harness.store, a.workspaceId)).toBe(before);
        }
      }),
      { numRuns: NUM_RUNS.create },
    );
    expect(await listTotal(a)).toBe(expectedTotalA);
    expect(await listTotal(b)).toBe(totalB);
    expect(await workspaceSnapshot(harness.store, b.workspaceId)).toBe(snapshotB);
    // Some generated bodies are valid: the property saw both branches.
    expect(accepted).toBeGreaterThan(0);
  }, 120_000);

  it(`PATCH /v1/contacts/{id}: ${NUM_RUNS.update} generated bodies keep the contract and change nothing when refused`, async () => {
    let accepted = 0;
    // The target as last seen; every case checks the stored contact against it.
    let previous = await getContactData(target.id);
    await fc.assert(
      fc.asyncProperty(bodyCase("update"), async ({ text, encoding, invalidAt, type }) => {
        const before = await workspaceSnapshot(harness.store, a.workspaceId);
        const response = await send("PATCH", `/v1/contacts/${target.id}`, encodeBody(text, encoding, invalidAt), type);
        const body = expectContractResponse(response, { allowed: [200, 400, 413, 415] });
        if (response.status === 200) {
          accepted++;
          const { contact } = body.data as { contact: Record<string, unknown> };
          expectStoredContact(contact);
          expect(contact.id).toBe(target.id);
          expect(contact.chatbotId).toBe(previous.chatbotId);
          expect(contact.createdAt).toBe(previous.createdAt);
          expect(Date.parse(contact.updatedAt as string)).toBeGreaterThan(Date.parse(previous.updatedAt));
          expect(await getContactData(target.id)).toEqual(contact);
          previous = contact as typeof previous;
        } else {
          expect(await workspaceSnapshot(harness.store, a.workspaceId)).toBe(before);
          expect(await getContactData(target.id)).toEqual(previous);
        }
      }),
      { numRuns: NUM_RUNS.update },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 120_000);
});

describe("nesting deeper than any stack", () => {
  const deepBodies: Array<[string, string]> = [
    ["10,000 nested objects as metadata", `{"metadata":${deepJson(10_000, "object")}}`],
    ["10,000 nested objects as a metadata value", `{"metadata":{"plan":${deepJson(10_000, "object")}}}`],
    ["10,000 nested arrays as the name", `{"name":${deepJson(10_000, "array")}}`],
    ["100,000 nested objects under an unknown field", `{"nested":${deepJson(100_000, "object")}}`],
    ["500,000 nested arrays as the whole body", deepJson(500_000, "array")],
    ["10,000 nested objects as the whole body", deepJson(10_000, "object")],
  ];

  it.each(deepBodies)("%s: 400 validation_error, nothing stored", async (_label, text) => {
    const before = await workspaceSnapshot(harness.store, a.workspaceId);
    for (const [method, path] of [["POST", "/v1/contacts"], ["PATCH", `/v1/contacts/${target.id}`]]) {
      const response = await send(method, path, Buffer.from(text), "application/json");
      expectContractResponse(response, { allowed: [400] });
    }
    expect(await workspaceSnapshot(harness.store, a.workspaceId)).toBe(before);
  });
});
