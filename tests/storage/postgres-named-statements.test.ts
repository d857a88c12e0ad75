import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, findActiveKeyByHash } from "../../lib/api-keys/repository";
import { hashApiKey } from "../../lib/api-keys/secret";
import { createChatbot } from "../../lib/chatbots/repository";
import { createContact, getContact, updateContact } from "../../lib/contacts/service";
import { parseJsonText } from "../../lib/json-text";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { MAX_NAMED_STATEMENTS, prepareOnEachConnection } from "../../lib/db/postgres/named-statements";
import { createWorkspace } from "../../lib/workspaces/repository";
import { createTestDatabase, postgresAvailability, type TestDatabase } from "../support/backend";

// On PostgreSQL the statements every request makes run as named statements, prepared once per
// connection (lib/db/postgres/named-statements.ts), and answer as before: after many runs, after a
// failed transaction, after the table they read changed.

const postgres = await postgresAvailability();
if (!postgres.available) console.warn(`⚠ PostgreSQL named-statements test SKIPPED: ${postgres.reason}`);

interface PreparedStatement {
  name: string;
  statement: string;
  generic_plans: number;
}

describe.skipIf(!postgres.available)("PostgreSQL named statements", () => {
  let database: TestDatabase;
  let store: Store;
  let workspaceId: string;
  let chatbotId: string;
  let key: string;

  // One connection: the statements prepared on it are the ones pg_prepared_statements lists.
  const preparedOnConnection = async () =>
    (await sql<PreparedStatement>`select name, statement, generic_plans from pg_prepared_statements`.execute(store.db)).rows;
  const preparedReading = async (fragment: string) => (await preparedOnConnection()).find((row) => row.statement.includes(fragment));

  beforeAll(async () => {
    database = await createTestDatabase("named_statements", "postgres");
    store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: "1" }));
    workspaceId = (await createWorkspace(store, "Named statements")).id;
    chatbotId = (await createChatbot(store, workspaceId, "Bot")).id;
    key = (await createApiKey(store, workspaceId, "key")).key;
  });
  afterAll(async () => {
    await store?.db.destroy();
    await database?.drop();
  });

  it("runs the key lookup as a named statement, and PostgreSQL keeps its plan after five runs", async () => {
    for (let run = 0; run < 8; run++) expect((await findActiveKeyByHash(store, hashApiKey(key)))?.workspace_id).toBe(workspaceId);
    const lookup = await preparedReading(`from "api_keys" where "key_hash" = $1`);
    expect(lookup?.name).toMatch(/^nexvio_\d+$/);
    expect(Number(lookup?.generic_plans)).toBeGreaterThan(0);
    // An unknown key is still unknown through the same statement.
    expect(await findActiveKeyByHash(store, hashApiKey(`${key}x`))).toBeUndefined();
  });

  it("runs a PATCH's statements by name, each answer right, and after a failed transaction", async () => {
    const contact = await createContact(store, workspaceId, { chatbotId, name: "Ada", metadata: { plan: "free" } });
    for (let run = 0; run < 7; run++) {
      const updated = await updateContact(store, workspaceId, contact.id, { metadata: { seats: run, plan: `plan ${run}` } });
      expect(parseJsonText(updated.json).metadata).toEqual({ plan: `plan ${run}`, seats: run });
    }
    // A stale If-Match ends the transaction in a rollback; the prepared statements stay usable.
    await expect(updateContact(store, workspaceId, contact.id, { name: "Eve" }, { ifMatch: '"stale"' })).rejects.toThrow();
    const after = await updateContact(store, workspaceId, contact.id, { metadata: { seats: 99 } });
    expect(parseJsonText(after.json).metadata).toEqual({ plan: "plan 6", seats: 99 });

    const statements = (await preparedOnConnection()).map((row) => row.statement);
    expect(statements.some((text) => text.startsWith(`select "updated_at", "metadata", exists (`) && text.endsWith("for update"))).toBe(true);
    expect(statements.some((text) => text.startsWith(`update "contacts" set "metadata" = $1, "updated_at" = $2`))).toBe(true);
    expect(statements.some((text) => text.startsWith(`delete from "contact_metadata"`))).toBe(true);
    expect(statements.some((text) => text.startsWith(`insert into "contact_metadata"`) && text.includes("unnest("))).toBe(true);
    const indexed = await store.db.selectFrom("contact_metadata").select(["key", "folded_value"]).where("contact_id", "=", contact.id).orderBy("key").execute();
    expect(indexed).toEqual([
      { key: "plan", folded_value: "plan 6" },
      { key: "seats", folded_value: "99" },
    ]);
  });

  it("answers as before after the table it reads changed", async () => {
    const contact = await createContact(store, workspaceId, { chatbotId, name: "Grace", email: "grace@example.com" });
    for (let run = 0; run < 7; run++) await getContact(store, workspaceId, contact.id);
    expect(await preparedReading(`"conversations"`)).toBeDefined();
    // A column added and dropped, an index dropped: each invalidates the plan kept.
    await sql`alter table contacts add column scratch text`.execute(store.db);
    await sql`alter table contacts drop column scratch`.execute(store.db);
    await sql`drop index contacts_created`.execute(store.db);
    const { json } = await getContact(store, workspaceId, contact.id);
    expect(JSON.parse(json)).toMatchObject({ id: contact.id, name: "Grace", email: "grace@example.com", conversations: [] });
  });

  it("names at most MAX_NAMED_STATEMENTS texts; a text past them runs unnamed and answers", async () => {
    for (let i = 0; i < MAX_NAMED_STATEMENTS; i++) prepareOnEachConnection(`select ${i} as filler`);
    const past = sql<{ answer: number }>`select 41 + ${1} as answer`.compile(store.db);
    prepareOnEachConnection(past.sql);
    expect((await store.db.executeQuery(past)).rows).toEqual([{ answer: 42 }]);
    expect((await preparedOnConnection()).some((row) => row.statement === past.sql)).toBe(false);
  });
});
