import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore } from "../../lib/db/client";
import { call } from "../support/api";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/backend";
import { createTenant, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";
import { listAllContacts } from "../support/write-load";

// Many writers on one contact at once, through one server process and through two processes on
// the same database (PostgreSQL, or one SQLite file in WAL mode): no PATCH loses another's
// metadata key, and no PATCH brings a deleted contact back.

const ENV = { RATE_LIMIT_PER_MINUTE: "1000000" };

let database: TestDatabase;
let tenant: Tenant;
let servers: RunningServer[] = [];

beforeAll(async () => {
  database = await createTestDatabase("concurrent");
  const store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
  tenant = await createTenant("Concurrent updates", store);
  await store.db.destroy();
  servers = await Promise.all([startServer({ ...ENV, DATABASE_URL: database.url }), startServer({ ...ENV, DATABASE_URL: database.url })]);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await database.drop();
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Sends the i-th request to server i modulo the number of servers in play. */
function across(processes: number) {
  return (i: number, method: string, path: string, body?: unknown) =>
    call(method, path, { key: tenant.apiKey, baseUrl: servers[i % processes].url, body });
}

function later<T>(ms: number, work: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, ms)).then(work);
}

async function createContact(name: string): Promise<string> {
  const response = await call("POST", "/v1/contacts", { key: tenant.apiKey, baseUrl: servers[0].url, body: { chatbotId: tenant.chatbotIds[0], name } });
  expect(response.status).toBe(201);
  return response.body.data.contact.id;
}

describe.each([1, 2])(`%i server process(es) on one ${testBackend()} database`, (processes) => {
  const send = across(processes);

  it("50 concurrent PATCHes, each adding a different metadata key, end with all 50 keys", async () => {
    const id = await createContact(`Fifty keys ${processes}`);
    const answers = await Promise.all(range(50).map((i) => send(i, "PATCH", `/v1/contacts/${id}`, { metadata: { [`key${i}`]: i } })));
    expect(answers.map((answer) => answer.status)).toEqual(range(50).map(() => 200));
    // Each PATCH saw its own state: 50 distinct updatedAt values, one per accepted change.
    const updatedAts = answers.map((answer) => answer.body.data.contact.updatedAt as string);
    expect(new Set(updatedAts).size).toBe(50);

    const stored = (await send(0, "GET", `/v1/contacts/${id}`)).body.data.contact;
    expect(stored.metadata).toEqual(Object.fromEntries(range(50).map((i) => [`key${i}`, i])));
    expect(stored.updatedAt).toBe(updatedAts.sort().at(-1));
  });

  it("a PATCH racing a DELETE never brings the contact back: it succeeds before or gets 404", async () => {
    const ids = await Promise.all(range(10).map((n) => createContact(`Raced ${processes}-${n}`)));
    const statuses: Record<number, number> = {};
    await Promise.all(
      ids.map(async (id) => {
        const patch = (i: number) => send(i, "PATCH", `/v1/contacts/${id}`, { name: `Patched ${i}`, metadata: { [`race${i}`]: true } });
        // PATCHes leave every 2 ms; the DELETE leaves at a random moment among them.
        const racing = [...range(8).map((i) => later(2 * i, () => patch(i))), later(Math.random() * 16, () => send(8, "DELETE", `/v1/contacts/${id}`))];
        const answers = await Promise.all(racing);
        const deleted = answers.pop()!;
        expect(deleted.status).toBe(200);
        for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        for (const answer of answers) expect([200, 404]).toContain(answer.status);

        // Once the DELETE has answered, the contact is gone from every process, for every writer and reader.
        const late = await Promise.all([...range(4).map((i) => patch(10 + i)), ...range(processes).map((i) => send(i, "GET", `/v1/contacts/${id}`))]);
        expect(late.map((answer) => answer.status)).toEqual(late.map(() => 404));
        const lists = await Promise.all(range(processes).map((i) => send(i, "GET", "/v1/contacts?limit=500")));
        for (const list of lists) expect(list.body.data.contacts.map((contact: { id: string }) => contact.id)).not.toContain(id);
        expect((await send(1, "DELETE", `/v1/contacts/${id}`)).status).toBe(404);
      }),
    );
    const listed = new Set((await listAllContacts(servers[processes - 1].url, tenant.apiKey)).map((contact) => contact.id));
    expect(ids.filter((id) => listed.has(id))).toEqual([]);
    console.log(`[concurrent-updates ${testBackend()}, ${processes} process(es)] PATCH statuses in the race with DELETE: ${JSON.stringify(statuses)}`);
  });
});
