import { CompiledQuery, type Compilable } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactPageAfterQuery, contactPageQuery } from "../../lib/contacts/repository";
import { createChatbot } from "../../lib/chatbots/repository";
import { listContacts } from "../../lib/contacts/service";
import { parseJsonText } from "../../lib/json-text";
import type { ContactSortField, SortOrder } from "../../lib/contacts/schemas";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";
import { insertContacts } from "../../lib/contacts/repository";
import { newContactRow } from "../../lib/contacts/service";
import { createWorkspace } from "../../lib/workspaces/repository";
import { POSTGRES_ADMIN_URL, postgresAvailability } from "../support/backend";
import { readOrder } from "../support/read-order";

// On a PostgreSQL database whose collation is not byte order (ICU en-US here), contacts still sort
// exactly as on SQLite, and through the sort indexes rather than a sort of every row.

const postgres = await postgresAvailability();
if (!postgres.available) console.warn(`⚠ PostgreSQL sort-order test SKIPPED: ${postgres.reason}`);
const databaseName = `nexvio_test_collation_${process.pid}`;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgres.available)("PostgreSQL sort order on an en-US database", () => {
  let store: Store;
  let workspaceId: string;
  const names = ["adam", "Zoe", "Adam", "émile", "Émile", "zed", "Bea", "_x"];

  beforeAll(async () => {
    await admin(`create database ${databaseName} template template0 locale_provider icu icu_locale 'en-US' locale 'C.UTF-8'`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${databaseName}`;
    store = await openMigratedStore(databaseConfig({ DATABASE_URL: url.toString() }));
    workspaceId = (await createWorkspace(store, "Collation")).id;
    const chatbot = await createChatbot(store, workspaceId, "Bot");
    const rows = names.map((name, i) => newContactRow(workspaceId, { chatbotId: chatbot.id, name, email: `${name}${i}@example.com` }));
    await writeTransaction(store, (tx) => insertContacts(tx, rows));
  });
  afterAll(async () => {
    await store?.db.destroy();
    await admin(`drop database if exists ${databaseName} with (force)`);
  });

  it("the database really sorts text in en-US order, so the test can tell", async () => {
    const { rows } = await store.db.executeQuery<{ name: string }>(
      CompiledQuery.raw("select name from (values ('Zoe'), ('adam')) as t(name) order by name"),
    );
    expect(rows.map((row) => row.name)).toEqual(["adam", "Zoe"]);
  });

  it.each(["asc", "desc"] as const)("names and emails sort %s case- and accent-insensitively, like SQLite", async (sortOrder) => {
    for (const sortBy of ["name", "email"] as const) {
      const page = parseJsonText(await listContacts(store, workspaceId, { sortBy, sortOrder, limit: 100, offset: 0, chatbotId: undefined, search: undefined }));
      const values = page.contacts.map((contact) => contact[sortBy]!);
      const expected = [...values].sort(readOrder);
      expect(values).toEqual(sortOrder === "asc" ? expected : expected.reverse());
    }
    const names = parseJsonText(await listContacts(store, workspaceId, { sortBy: "name", sortOrder: "asc", limit: 100, offset: 0, chatbotId: undefined, search: undefined }));
    expect(names.contacts.map((contact) => contact.name)).toEqual(["_x", "Adam", "adam", "Bea", "Émile", "émile", "zed", "Zoe"]);
  });

  it("a page at an offset (ids from the sort index first, then their rows) is the same slice of the same order", async () => {
    for (const sortBy of ["name", "email", "createdAt"] as const) {
      for (const sortOrder of ["asc", "desc"] as const) {
        const all = parseJsonText(await listContacts(store, workspaceId, { sortBy, sortOrder, limit: 100, offset: 0, chatbotId: undefined, search: undefined }));
        const page = parseJsonText(await listContacts(store, workspaceId, { sortBy, sortOrder, limit: 3, offset: 2, chatbotId: undefined, search: undefined }));
        expect(page.contacts.map((contact) => contact.id), `${sortBy} ${sortOrder}`).toEqual(all.contacts.slice(2, 5).map((contact) => contact.id));
      }
    }
    const plan = await explainWithoutSorting(contactPageQuery(store, { workspaceId }, { sortBy: "name", sortOrder: "asc", limit: 25, offset: 5 }));
    expect(plan).toMatch(/Index (Only )?Scan.*contacts_name_asc/);
  });

  it.each([
    ["createdAt", "desc"],
    ["name", "asc"],
    ["name", "desc"],
    ["email", "asc"],
    ["email", "desc"],
  ] as const)("sorting by %s %s can be served by an index, with no sort step", async (sortBy: ContactSortField, sortOrder: SortOrder) => {
    const plan = await explainWithoutSorting(contactPageQuery(store, { workspaceId }, { sortBy, sortOrder, limit: 25, offset: 0 }));
    expect(plan).toMatch(/Index Scan.*contacts_/);
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it.each([
    ["createdAt", "desc", { position: { values: ["2026-01-01T00:00:00.000Z"], id: "contact_x" }, missing: false }],
    ["name", "asc", { position: { values: ["emile", "Emile"], id: "contact_x" }, missing: false }],
    ["email", "desc", { position: { values: ["emile", "Emile"], id: "contact_x" }, missing: false }],
    ["name", "desc", { position: { values: [null, null], id: "contact_x" }, missing: true }],
  ] as const)("a page by cursor, %s %s, starts by a range on the sort index, with no sort step", async (sortBy, sortOrder, start) => {
    const plan = await explainWithoutSorting(contactPageAfterQuery(store, { workspaceId }, { sortBy, sortOrder, limit: 25, offset: 0 }, start));
    expect(plan).toMatch(/Index (Only )?Scan.*contacts_/);
    expect(plan).toMatch(/Index Cond: .*(ROW|id)/);
    expect(plan).not.toMatch(/\bSort\b/);
  });

  // With sorting priced out, the planner uses an index whenever one yields the requested order.
  async function explainWithoutSorting(query: Compilable): Promise<string> {
    const { sql: text, parameters } = query.compile();
    return store.db.connection().execute(async (connection) => {
      await connection.executeQuery(CompiledQuery.raw("set enable_sort = off"));
      try {
        const result = await connection.executeQuery<{ "QUERY PLAN": string }>(CompiledQuery.raw(`explain ${text}`, [...parameters]));
        return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
      } finally {
        await connection.executeQuery(CompiledQuery.raw("reset enable_sort"));
      }
    });
  }
});
