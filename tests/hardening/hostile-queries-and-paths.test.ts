import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/api";
import type { Tenant } from "../support/fixtures";
import { rawRequest } from "../support/raw-http";
import { TRAVERSAL_FRAGMENTS } from "./hostile-strings";
import { hostilePathSegment, hostileQueryString } from "./request-arbitraries";
import { expectContractResponse } from "./contract-response";
import { createTenants, seedContact, startHardeningServer, workspaceSnapshot, type HardeningServer, type SeededContact } from "./hardening-server";

// Query strings for the two list endpoints and ids in paths, sent byte for byte (no client-side
// resolving of `../`). Reads answer in the contract's envelope, see only the caller's workspace,
// and no read or refused write changes a stored row.

const NUM_RUNS = { listQuery: 300, conversationsQuery: 200, pathIds: 250 };

let harness: HardeningServer;
let a: Tenant;
let b: Tenant;
let contactOfA: SeededContact;
let contactOfB: SeededContact;
let snapshots: () => Promise<string>;

beforeAll(async () => {
  harness = await startHardeningServer();
  [a, b] = await createTenants(harness.store, "Query A", "Query B");
  contactOfA = await seedContact(harness.server.url, harness.store, a, "Alice Query");
  contactOfB = await seedContact(harness.server.url, harness.store, b, "Bob Query");
  snapshots = async () => (await workspaceSnapshot(harness.store, a.workspaceId)) + (await workspaceSnapshot(harness.store, b.workspaceId));
});

afterAll(async () => {
  for (const [tenant, contact] of [[a, contactOfA], [b, contactOfB]] as const) {
    const got = await call("GET", `/v1/contacts/${contact.id}`, { baseUrl: harness.server.url, key: tenant.apiKey });
    expect(got.text).toBe(contact.getText);
  }
  await harness.stop();
});

const get = (path: string, method = "GET", body?: string) =>
  rawRequest(harness.server.url, {
    method,
    path,
    body,
    headers: { authorization: `Bearer ${a.apiKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
  });

const LIST_PARAMETERS = [
  "limit", "offset", "chatbotId", "search", "sortBy", "sortOrder", "cursor",
  "createdFrom", "createdBefore", "hasEmail", "hasPhone", "metadataKey", "metadataMatch", "metadataValue",
];

describe("hostile query strings", () => {
  it(`GET /v1/contacts: ${NUM_RUNS.listQuery} generated query strings list only the caller's contacts or name the bad parameter`, async () => {
    const before = await snapshots();
    await fc.assert(
      fc.asyncProperty(hostileQueryString, async (query) => {
        const response = await get(`/v1/contacts?${query}`);
        const body = expectContractResponse(response, { allowed: [200, 400] });
        if (response.status === 200) {
          const data = body.data as { contacts: Array<{ id: string; chatbotId: string }>; total: number; limit: number; offset: number };
          expect(Object.keys(data).sort()).toEqual(["contacts", "limit", "nextCursor", "offset", "total"]);
          expect(data.total).toBeLessThanOrEqual(1);
          expect(data.contacts.length).toBeLessThanOrEqual(data.limit);
          for (const contact of data.contacts) expect(contact.id).toBe(contactOfA.id);
        } else {
          // A refused query names one of the parameters it knows, never something else.
          for (const field of Object.keys(body.error?.details ?? {})) expect(LIST_PARAMETERS).toContain(field);
        }
      }),
      { numRuns: NUM_RUNS.listQuery },
    );
    expect(await snapshots()).toBe(before);
  }, 120_000);

  it(`GET /v1/contacts/{id}/conversations: ${NUM_RUNS.conversationsQuery} generated query strings`, async () => {
    const before = await snapshots();
    await fc.assert(
      fc.asyncProperty(hostileQueryString, fc.boolean(), async (query, foreign) => {
        const id = foreign ? contactOfB.id : contactOfA.id;
        const response = await get(`/v1/contacts/${id}/conversations?${query}`);
        const body = expectContractResponse(response, { allowed: foreign ? [400, 404] : [200, 400] });
        if (response.status === 200) {
          const data = body.data as { conversations: Array<{ contactId: string }>; total: number };
          expect(data.total).toBe(1);
          for (const conversation of data.conversations) expect(conversation.contactId).toBe(contactOfA.id);
        }
        if (response.status === 400) {
          for (const field of Object.keys(body.error?.details ?? {})) expect(["limit", "offset"]).toContain(field);
        }
      }),
      { numRuns: NUM_RUNS.conversationsQuery },
    );
    expect(await snapshots()).toBe(before);
  }, 120_000);
});

describe("hostile ids in paths", () => {
  const routes = [
    { method: "GET", path: (id: string) => `/v1/contacts/${id}` },
    { method: "PATCH", path: (id: string) => `/v1/contacts/${id}`, body: '{"name":"Renamed by a traversal"}' },
    { method: "DELETE", path: (id: string) => `/v1/contacts/${id}` },
    { method: "GET", path: (id: string) => `/v1/contacts/${id}/conversations` },
  ];

  // An id that is or contains a real one, dressed up: it must not reach that contact.
  const disguisedIds = () => [
    `${contactOfA.id}%00`,
    `${contactOfA.id}%20`,
    `%20${contactOfA.id}`,
    `${contactOfA.id.toUpperCase()}`,
    `${contactOfA.id}%2F..`,
    `${contactOfA.id}%2f`,
    `..%2F${contactOfA.id}`,
    `${contactOfB.id}%2F..%2F${contactOfA.id}`,
    `${contactOfA.id};x=1`,
    `${encodeURIComponent(`${contactOfA.id}'--`)}`,
    `${contactOfA.id.slice(0, -1)}%25`,
    `${contactOfA.id.slice(0, -1)}_`,
  ];

  it(`${NUM_RUNS.pathIds} generated ids on every contact route: 404 (or the route the path really names), never a change`, async () => {
    const before = await snapshots();
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostilePathSegment, fc.constantFrom(...disguisedIds())), fc.constantFrom(...routes), async (id, route) => {
        const response = await get(route.path(id), route.method, route.body);
        // A raw `..`, `/`, `?` or `#` can make the path another route's: the list (GET) or its 405.
        const body = expectContractResponse(response, { allowed: route.method === "GET" ? [200, 404, 405] : [404, 405] });
        if (response.status === 200) expect(Object.keys(body.data as object)).toContain("contacts");
        expect(await snapshots()).toBe(before);
      }),
      { numRuns: NUM_RUNS.pathIds },
    );
  }, 120_000);

  it.each(TRAVERSAL_FRAGMENTS)("DELETE /v1/contacts/%s deletes nothing", async (fragment) => {
    const before = await snapshots();
    const response = await get(`/v1/contacts/${fragment}`, "DELETE");
    expectContractResponse(response, { allowed: [404, 405] });
    expect(await snapshots()).toBe(before);
  });
});
