import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, expectError, expectSuccess, type ApiResponse } from "../support/api";
import { createTenant, testStore, type Tenant } from "../support/fixtures";
import { testBackend } from "../support/backend";
import { startServer, type RunningServer } from "../support/server";
import { signedInStaff } from "../support/staff";
import type { Insertable } from "kysely";
import { databaseConfig } from "../../lib/config";
import type { IdempotencyKeysTable } from "../../lib/db/schema";
import { openMigratedStore, type Store } from "../../lib/db/client";

// Idempotency-Key on POST, PATCH and DELETE under /v1 (CONTRACT.md, "Idempotent retries"), against
// the real server: the first answer is kept in the database and replayed to a retry.

const REPLAYED = "idempotent-replayed";
const fingerprint = (body: unknown) => createHash("sha256").update(JSON.stringify(body)).digest("hex");
const contactCount = (store: Store, tenant: Tenant) =>
  store.db
    .selectFrom("contacts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("workspace_id", "=", tenant.workspaceId)
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
const keyRows = (store: Store, tenant: Tenant) =>
  store.db.selectFrom("idempotency_keys").selectAll().where("workspace_id", "=", tenant.workspaceId).orderBy("idempotency_key").execute();
/** A key's row written straight into the suite's database, as a server would have left it. */
function insertKeyRow(tenant: Tenant, key: string, body: unknown, row: Partial<Insertable<IdempotencyKeysTable>>) {
  const now = Date.now();
  const values = {
    workspace_id: tenant.workspaceId,
    caller: `key:${tenant.keyId}`,
    idempotency_key: key,
    method: "POST",
    path: "/v1/contacts",
    fingerprint: fingerprint(body),
    reservation: "written-by-the-test",
    status: null,
    response_body: null,
    response_headers: null,
    created_at: new Date(now).toISOString(),
    expires_at: new Date(now + 86_400_000).toISOString(),
  };
  return testStore().db.insertInto("idempotency_keys").values({ ...values, ...row }).execute();
}
const withKey = (key: string) => ({ "Idempotency-Key": key });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const statusCounts = (answers: ApiResponse[]) =>
  answers.reduce<Record<string, number>>((counts, answer) => {
    const label = `${answer.status}${answer.headers.get(REPLAYED) ? " replayed" : ""}`;
    return { ...counts, [label]: (counts[label] ?? 0) + 1 };
  }, {});

/** Each answer, or once it was a 409 (key in use), the answer to retrying it a moment later. */
async function untilAnswered(answers: ApiResponse[], retry: (index: number) => Promise<ApiResponse>): Promise<ApiResponse[]> {
  const settled: ApiResponse[] = [];
  for (const [index, answer] of answers.entries()) {
    let current = answer;
    for (let attempt = 0; current.status === 409 && attempt < 50; attempt++) {
      expectError(current, 409, "idempotency_key_in_use");
      expect(current.headers.get("retry-after")).toBe("1");
      await sleep(50);
      current = await retry(index);
    }
    settled.push(current);
  }
  return settled;
}

/** The one contact every answer carries, and that only one of them was not a replay. */
function expectOneContact(settled: ApiResponse[]) {
  const contacts = settled.map((answer) => expectSuccess(answer, 201).contact);
  expect(new Set(contacts.map((contact) => contact.id)).size).toBe(1);
  expect(new Set(settled.map((answer) => answer.text)).size).toBe(1);
  expect(settled.filter((answer) => answer.headers.get(REPLAYED) === null)).toHaveLength(1);
  return contacts[0];
}

/** The same answer: status and body (the request id and rate-limit headers are each answer's own). */
function expectSameAnswer(replay: ApiResponse, first: ApiResponse) {
  expect({ status: replay.status, text: replay.text }).toEqual({ status: first.status, text: first.text });
  expect(replay.headers.get(REPLAYED)).toBe("true");
}

describe("Idempotency-Key on POST /v1/contacts", () => {
  it("creates exactly one contact for 20 concurrent requests with one key; every request gets that contact (a 409 while it runs, then it)", async () => {
    const tenant = await createTenant("Idempotency concurrency");
    const api = client(tenant.apiKey);
    const body = { chatbotId: tenant.chatbotIds[0], name: "Once Only", metadata: { attempt: 1 } };
    const post = () => api.post("/v1/contacts", { body, headers: withKey("concurrent-create-1") });

    const answers = await Promise.all(Array.from({ length: 20 }, post));
    console.log(`[idempotency ${testBackend()}] 20 concurrent POSTs with one key: ${JSON.stringify(statusCounts(answers))}`);
    const settled = await untilAnswered(answers, post);
    expect(expectOneContact(settled)).toMatchObject({ name: "Once Only", metadata: { attempt: 1 } });
    expect(await contactCount(testStore(), tenant)).toBe(1);
  });

  it("answers 422 idempotency_key_reused for the same key with another body, path or method, and changes nothing", async () => {
    const tenant = await createTenant("Idempotency reuse");
    const api = client(tenant.apiKey);
    const first = await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "First" }, headers: withKey("reuse-1") });
    const contact = expectSuccess(first, 201).contact;

    expectError(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "Second" }, headers: withKey("reuse-1") }), 422, "idempotency_key_reused");
    expectError(await api.patch(`/v1/contacts/${contact.id}`, { body: { name: "Changed" }, headers: withKey("reuse-1") }), 422, "idempotency_key_reused");
    expect(await contactCount(testStore(), tenant)).toBe(1);
    expect(expectSuccess(await api.get(`/v1/contacts/${contact.id}`)).contact.name).toBe("First");

    // The same method and body on another path.
    const other = expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0] } }), 201).contact;
    const patch = { name: "Renamed" };
    expectSuccess(await api.patch(`/v1/contacts/${contact.id}`, { body: patch, headers: withKey("reuse-2") }));
    expectError(await api.patch(`/v1/contacts/${other.id}`, { body: patch, headers: withKey("reuse-2") }), 422, "idempotency_key_reused");
    expect(expectSuccess(await api.get(`/v1/contacts/${other.id}`)).contact.name).toBeNull();
    // And the same path with another method.
    expectError(await api.delete(`/v1/contacts/${contact.id}`, { headers: withKey("reuse-2") }), 422, "idempotency_key_reused");
    expectSuccess(await api.get(`/v1/contacts/${contact.id}`));
  });

  it("refuses a key that is empty, longer than 255 characters or not printable ASCII with validation_error on Idempotency-Key", async () => {
    const tenant = await createTenant("Idempotency key format");
    const api = client(tenant.apiKey);
    const body = { chatbotId: tenant.chatbotIds[0] };
    for (const key of ["", "k".repeat(256), "clé-1", "tab\tinside"]) {
      const error = expectError(await api.post("/v1/contacts", { body, headers: withKey(key) }), 400, "validation_error");
      expect(error.details).toEqual({ "Idempotency-Key": "Must be 1–255 printable ASCII characters" });
    }
    expectError(await api.delete("/v1/contacts/contact_nope", { headers: withKey("") }), 400, "validation_error");
    expect(await contactCount(testStore(), tenant)).toBe(0);

    const longest = "~ !".repeat(85);
    expect(longest).toHaveLength(255);
    const created = await api.post("/v1/contacts", { body, headers: withKey(longest) });
    expectSuccess(created, 201);
    expectSameAnswer(await api.post("/v1/contacts", { body, headers: withKey(longest) }), created);
  });

  it("keeps a 400 answer too: the retry gets it again, a corrected body under that key is a reuse", async () => {
    const tenant = await createTenant("Idempotency kept error");
    const api = client(tenant.apiKey);
    const invalid = { chatbotId: tenant.chatbotIds[0], email: "not-an-email" };
    const first = await api.post("/v1/contacts", { body: invalid, headers: withKey("bad-body-1") });
    expectError(first, 400, "validation_error");
    expectSameAnswer(await api.post("/v1/contacts", { body: invalid, headers: withKey("bad-body-1") }), first);
    const corrected = { chatbotId: tenant.chatbotIds[0], email: "ok@example.com" };
    expectError(await api.post("/v1/contacts", { body: corrected, headers: withKey("bad-body-1") }), 422, "idempotency_key_reused");
    expectSuccess(await api.post("/v1/contacts", { body: corrected, headers: withKey("bad-body-2") }), 201);
  });

  it("keeps nothing for a 401: the same key with a valid API key runs afresh", async () => {
    const tenant = await createTenant("Idempotency 401");
    const body = { chatbotId: tenant.chatbotIds[0], name: "After 401" };
    expectError(await client("nxv_not_a_real_key").post("/v1/contacts", { body, headers: withKey("after-401") }), 401, "unauthorized");
    const created = await client(tenant.apiKey).post("/v1/contacts", { body, headers: withKey("after-401") });
    expectSuccess(created, 201);
    expect(created.headers.get(REPLAYED)).toBeNull();
    expectSameAnswer(await client(tenant.apiKey).post("/v1/contacts", { body, headers: withKey("after-401") }), created);
    expect(await contactCount(testStore(), tenant)).toBe(1);
  });

  it("keeps keys of two API keys (and a staff user) apart", async () => {
    const tenant = await createTenant("Idempotency holders");
    const other = await createTenant("Idempotency holders, other");
    const staff = await signedInStaff(tenant);
    const key = withKey("shared-key");
    const mine = await client(tenant.apiKey).post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "Mine" }, headers: key });
    const theirs = await client(other.apiKey).post("/v1/contacts", { body: { chatbotId: other.chatbotIds[0], name: "Theirs" }, headers: key });
    const staffs = await client(null).post("/v1/contacts", {
      body: { chatbotId: tenant.chatbotIds[0], name: "Staff's" },
      headers: { ...key, ...staff.headers },
    });
    for (const answer of [mine, theirs, staffs]) expect(answer.headers.get(REPLAYED)).toBeNull();
    expect([mine, theirs, staffs].map((answer) => expectSuccess(answer, 201).contact.name)).toEqual(["Mine", "Theirs", "Staff's"]);
    // Each holder's retry gets its own answer back.
    expectSameAnswer(await client(other.apiKey).post("/v1/contacts", { body: { chatbotId: other.chatbotIds[0], name: "Theirs" }, headers: key }), theirs);
    expectSameAnswer(
      await client(null).post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "Staff's" }, headers: { ...key, ...staff.headers } }),
      staffs,
    );
    expect(await contactCount(testStore(), tenant)).toBe(2);
  });

  it("answers 409 with Retry-After: 1 while the key's first request runs, and takes over a key whose request died", async () => {
    const tenant = await createTenant("Idempotency in flight");
    const body = { chatbotId: tenant.chatbotIds[0], name: "Taken over" };
    const now = Date.now();
    // What a request leaves behind when its process dies while it runs.
    await insertKeyRow(tenant, "in-flight", body, { created_at: new Date(now).toISOString() });
    const api = client(tenant.apiKey);
    const busy = await api.post("/v1/contacts", { body, headers: withKey("in-flight") });
    expectError(busy, 409, "idempotency_key_in_use");
    expect(busy.headers.get("retry-after")).toBe("1");
    expect(await contactCount(testStore(), tenant)).toBe(0);

    await testStore()
      .db.updateTable("idempotency_keys")
      .set({ created_at: new Date(now - 61_000).toISOString() })
      .where("workspace_id", "=", tenant.workspaceId)
      .execute();
    const created = await api.post("/v1/contacts", { body, headers: withKey("in-flight") });
    expect(expectSuccess(created, 201).contact.name).toBe("Taken over");
    expectSameAnswer(await api.post("/v1/contacts", { body, headers: withKey("in-flight") }), created);
    expect(await contactCount(testStore(), tenant)).toBe(1);
  });

  it("replays the ETag and Location kept with an answer", async () => {
    const tenant = await createTenant("Idempotency kept headers");
    const body = { chatbotId: tenant.chatbotIds[0] };
    const kept = `{"status":"success","data":{"contact":{"id":"contact_kept","chatbotId":"${tenant.chatbotIds[0]}","name":null,"email":null,"phone":null,"metadata":{},"createdAt":"2026-12-04T01:00:00.000Z","updatedAt":"2026-12-04T01:00:00.000Z"}}}`;
    const headers = JSON.stringify({ ETag: '"v1"', Location: "/v1/contacts/contact_kept" });
    await insertKeyRow(tenant, "with-headers", body, { status: 201, response_body: kept, response_headers: headers });
    const replay = await client(tenant.apiKey).post("/v1/contacts", { body, headers: withKey("with-headers") });
    expect({ status: replay.status, text: replay.text }).toEqual({ status: 201, text: kept });
    expect([replay.headers.get("etag"), replay.headers.get("location"), replay.headers.get(REPLAYED)]).toEqual(['"v1"', "/v1/contacts/contact_kept", "true"]);
    expect(replay.headers.get("x-ratelimit-remaining")).not.toBeNull();
  });
});

describe("Idempotency-Key on PATCH and DELETE", () => {
  it("replays a PATCH without changing the contact again", async () => {
    const tenant = await createTenant("Idempotency PATCH");
    const api = client(tenant.apiKey);
    const contact = expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], metadata: { visits: 1 } } }), 201).contact;
    const patch = { name: "Patched", metadata: { visits: 2 } };
    const first = await api.patch(`/v1/contacts/${contact.id}`, { body: patch, headers: withKey("patch-1") });
    const patched = expectSuccess(first).contact;
    await sleep(5);
    expectSameAnswer(await api.patch(`/v1/contacts/${contact.id}`, { body: patch, headers: withKey("patch-1") }), first);
    expect(expectSuccess(await api.get(`/v1/contacts/${contact.id}`)).contact.updatedAt).toBe(patched.updatedAt);
  });

  it("replays a DELETE's 200 where running it again would be a 404", async () => {
    const tenant = await createTenant("Idempotency DELETE");
    const api = client(tenant.apiKey);
    const contact = expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0] } }), 201).contact;
    const first = await api.delete(`/v1/contacts/${contact.id}`, { headers: withKey("delete-1") });
    expect(expectSuccess(first)).toEqual({ deleted: true, id: contact.id });
    expectSameAnswer(await api.delete(`/v1/contacts/${contact.id}`, { headers: withKey("delete-1") }), first);
    expectError(await api.delete(`/v1/contacts/${contact.id}`), 404, "not_found");
    expectError(await api.delete(`/v1/contacts/${contact.id}`, { headers: withKey("delete-2") }), 404, "not_found");
  });

  it("leaves requests without the key, and GETs with one, as they were", async () => {
    const tenant = await createTenant("Idempotency absent");
    const api = client(tenant.apiKey);
    const body = { chatbotId: tenant.chatbotIds[0], name: "Twice" };
    for (let i = 0; i < 2; i++) expect((await api.post("/v1/contacts", { body })).headers.get(REPLAYED)).toBeNull();
    const listed = await api.get("/v1/contacts", { headers: withKey("") });
    expect(expectSuccess(listed).total).toBe(2);
    expect(listed.headers.get(REPLAYED)).toBeNull();
    expect(await keyRows(testStore(), tenant)).toEqual([]);
    // Against the same two requests with a key: one contact more, and one kept answer.
    for (let i = 0; i < 2; i++) expectSuccess(await api.post("/v1/contacts", { body, headers: withKey("present") }), 201);
    expect(await contactCount(testStore(), tenant)).toBe(3);
    expect((await keyRows(testStore(), tenant)).map((row) => row.idempotency_key)).toEqual(["present"]);
  });
});

describe("Idempotency-Key across processes and restarts", () => {
  let server: RunningServer;
  let store: Store;
  beforeAll(async () => {
    server = await startServer();
    store = await openMigratedStore(databaseConfig({ DATABASE_URL: server.databaseUrl }));
  });
  afterAll(async () => {
    await store?.db.destroy();
    await server?.stop();
  });

  it("creates one contact for 20 concurrent requests with one key spread over two server processes", async () => {
    const second = await startServer({ DATABASE_URL: server.databaseUrl });
    try {
      const tenant = await createTenant("Idempotency two processes", store);
      const body = { chatbotId: tenant.chatbotIds[0], name: "One of two processes" };
      const post = (index: number) => client(tenant.apiKey, index % 2 === 0 ? server.url : second.url).post("/v1/contacts", { body, headers: withKey("two-processes") });
      const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => post(index)));
      console.log(`[idempotency ${testBackend()}] 20 concurrent POSTs with one key over 2 processes: ${JSON.stringify(statusCounts(answers))}`);
      expect(expectOneContact(await untilAnswered(answers, post)).name).toBe("One of two processes");
      expect(await contactCount(store, tenant)).toBe(1);
    } finally {
      await second.stop();
    }
  });

  it("replays a kept answer after the server restarts, and purges expired keys without an operator's job", async () => {
    const tenant = await createTenant("Idempotency restart", store);
    let api = client(tenant.apiKey, server.url);
    const body = { chatbotId: tenant.chatbotIds[0], name: "Survivor" };
    const first = await api.post("/v1/contacts", { body, headers: withKey("restart-1") });
    expectSuccess(first, 201);
    expectSuccess(await api.post("/v1/contacts", { body: { ...body, name: "Expiring" }, headers: withKey("restart-2") }), 201);
    // A day later for restart-2: its answer has expired.
    const expire = (key: string) =>
      store.db
        .updateTable("idempotency_keys")
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where("workspace_id", "=", tenant.workspaceId)
        .where("idempotency_key", "=", key)
        .execute();
    await expire("restart-2");

    await server.kill("SIGTERM");
    server = await server.restart();
    api = client(tenant.apiKey, server.url);
    expectSameAnswer(await api.post("/v1/contacts", { body, headers: withKey("restart-1") }), first);
    expect(await contactCount(store, tenant)).toBe(2);

    // The new process's first reservation purges the workspace's expired keys, after answering.
    expectSuccess(await api.post("/v1/contacts", { body: { ...body, name: "Third" }, headers: withKey("restart-3") }), 201);
    await expect.poll(async () => (await keyRows(store, tenant)).map((row) => row.idempotency_key)).toEqual(["restart-1", "restart-3"]);

    // An expired key is free again, purged (restart-2) or not yet (restart-3): it runs afresh.
    await expire("restart-3");
    for (const key of ["restart-2", "restart-3"]) {
      const again = await api.post("/v1/contacts", { body: { ...body, name: `Expired ${key} reused` }, headers: withKey(key) });
      expect(expectSuccess(again, 201).contact.name).toBe(`Expired ${key} reused`);
      expect(again.headers.get(REPLAYED)).toBeNull();
    }
    expect(await contactCount(store, tenant)).toBe(5);
  });
});
