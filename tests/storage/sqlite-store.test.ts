import fs from "node:fs";
import SQLite from "better-sqlite3";
import { CompiledQuery, sql, type Compilable } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../lib/api-keys/repository";
import { hashApiKey } from "../../lib/api-keys/secret";
import { createChatbot } from "../../lib/chatbots/repository";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { migrateToLatest } from "../../lib/db/migrate";
import { sqliteMetadataStatements } from "../../lib/contacts/metadata-index/sqlite-metadata-rows";
import { contactPageAfterQuery, contactPageQuery } from "../../lib/contacts/repository";
import type { ContactSortField, SortOrder } from "../../lib/contacts/schemas";
import { sqliteContactSearch } from "../../lib/contacts/search/sqlite-contact-search";
import { createWorkspace } from "../../lib/workspaces/repository";
import { temporaryDatabaseUrl } from "../support/server";

// The storage module on a real SQLite file: settings, migrations, keys, and the query plans that
// keep search and sorting off full scans.

let store: Store;
let file: string;
beforeAll(async () => {
  const url = temporaryDatabaseUrl("store");
  file = url.slice("file:".length);
  store = await openMigratedStore(databaseConfig({ DATABASE_URL: url }));
});
afterAll(() => store.db.destroy());

/** The plan of a query, or of a statement's text with nothing bound. */
async function plan(query: Compilable | string): Promise<string> {
  const { sql: text, parameters } = typeof query === "string" ? { sql: query, parameters: Array(query.split("?").length - 1).fill(null) } : query.compile();
  const result = await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${text}`, [...parameters]));
  return result.rows.map((row) => row.detail).join("\n");
}

describe("SQLite store", () => {
  it("creates the database file in WAL mode with foreign keys on", async () => {
    expect(fs.existsSync(file)).toBe(true);
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    expect(journal.rows[0].journal_mode).toBe("wal");
    const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
    expect(foreignKeys.rows[0].foreign_keys).toBe(1);
  });

  it("prepares a statement once per SQL text and reuses it", async () => {
    const prepare = SQLite.prototype.prepare;
    const prepared: string[] = [];
    SQLite.prototype.prepare = function (this: SQLite.Database, source: string) {
      prepared.push(source);
      return prepare.call(this, source);
    } as typeof prepare;
    let second: Store | undefined;
    try {
      second = await openMigratedStore(databaseConfig({ DATABASE_URL: temporaryDatabaseUrl("statements") }));
      const workspace = await createWorkspace(second, "Statements");
      const query = second.db.selectFrom("workspaces").select("name").where("id", "=", workspace.id);
      for (let i = 0; i < 5; i++) expect((await query.executeTakeFirstOrThrow()).name).toBe("Statements");
      const text = query.compile().sql;
      expect(prepared.filter((source) => source === text)).toHaveLength(1);
    } finally {
      SQLite.prototype.prepare = prepare;
      await second?.db.destroy();
    }
  });

  it("migrations are idempotent", async () => {
    expect(await migrateToLatest(store)).toEqual([]);
  });

  it("refuses a contact for a chatbot of another workspace (foreign key includes workspace_id)", async () => {
    const a = await createWorkspace(store, "A");
    const b = await createWorkspace(store, "B");
    const chatbotOfA = await createChatbot(store, a.id, "bot");
    const now = new Date().toISOString();
    await expect(
      store.db
        .insertInto("contacts")
        .values({ workspace_id: b.id, id: "contact_x", chatbot_id: chatbotOfA.id, metadata: "{}", created_at: now, updated_at: now })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it("stores API keys only as a SHA-256 hash", async () => {
    const workspace = await createWorkspace(store, "Keys");
    const { key, apiKey } = await createApiKey(store, workspace.id, "k");
    expect(key).toMatch(/^nxv_[0-9A-Za-z]{32,}$/);
    const row = await store.db.selectFrom("api_keys").selectAll().where("id", "=", apiKey.id).executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashApiKey(key));
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key.slice(4));
    expect(fs.readFileSync(file).includes(Buffer.from(key.slice(4)))).toBe(false);
  });

  describe("query plans", () => {
    const listQuery = (sortBy: ContactSortField, sortOrder: SortOrder) =>
      contactPageQuery(store, { workspaceId: "ws_x" }, { sortBy, sortOrder, limit: 25, offset: 0 });

    it.each([
      ["createdAt", "desc"],
      ["createdAt", "asc"],
      ["name", "asc"],
      ["name", "desc"],
      ["email", "asc"],
      ["email", "desc"],
    ] as const)("sorting by %s %s walks an index, with no temporary sort", async (column, direction) => {
      const detail = await plan(listQuery(column, direction));
      expect(detail).toMatch(/USING (COVERING )?INDEX contacts_/);
      expect(detail).not.toContain("TEMP B-TREE");
    });

    const position = { values: ["smith", "Smith"], id: "contact_x" };
    it.each([
      ["createdAt", "desc", { position: { values: ["2026-01-01T00:00:00.000Z"], id: "contact_x" }, missing: false }],
      ["createdAt", "asc", { position: { values: ["2026-01-01T00:00:00.000Z"], id: "contact_x" }, missing: false }],
      ["name", "asc", { position, missing: false }],
      ["name", "desc", { position, missing: false }],
      ["email", "asc", { position, missing: false }],
      ["email", "desc", { position, missing: false }],
      ["name", "asc", { position: { values: [null, null], id: "contact_x" }, missing: true }],
      ["email", "desc", { missing: true }],
    ] as const)("a page by cursor, %s %s, starts by a range on an index, with no temporary sort", async (sortBy, sortOrder, start) => {
      const query = contactPageAfterQuery(store, { workspaceId: "ws_x" }, { sortBy, sortOrder, limit: 25, offset: 0 }, start);
      const detail = await plan(query);
      expect(detail).toMatch(start.missing ? /INDEX contacts_\w+ \(workspace_id=\? AND <expr>=\? AND \w+=\? AND \w+=\?( AND id[<>]\?)?\)/ : /INDEX contacts_\w+ \(workspace_id=\? AND .*[<>]/);
      expect(detail).not.toContain("TEMP B-TREE");
    });

    it("a metadata key=value filter seeks its index on key and value, counting and paging from its few matches", async () => {
      const filter = { workspaceId: "ws_x", metadata: { key: "company", match: "equals" as const, value: "Acme Inc" } };
      const page = { sortBy: "createdAt", sortOrder: "desc", limit: 25, offset: 0 } as const;
      const detail = await plan(contactPageQuery(store, filter, page, 3));
      expect(detail).toContain("contact_metadata_key_value (workspace_id=? AND key=? AND <expr>=?)");
      expect(detail).not.toMatch(/contacts_created|SCAN/);
    });

    const { FORGET, REVALUE, removeKeys, PLACES_IN_USE, insertAtPlaces } = sqliteMetadataStatements;
    it.each([
      ["forgets", FORGET],
      ["revalues a key of", REVALUE],
      ["removes keys of", removeKeys(2)],
      ["finds the free places of", PLACES_IN_USE],
    ])("a PATCH %s one contact's metadata entries by the contact's range of rowids, not every contact's entries for a key", async (_, text) => {
      const detail = await plan(text);
      expect(detail).toMatch(/SEARCH contact_metadata USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
      expect(detail).toContain("SEARCH contacts USING COVERING INDEX sqlite_autoindex_contacts_1 (workspace_id=? AND id=?)");
      expect(detail).not.toContain("contact_metadata_key_value");
    });

    it("writes metadata entries at their places, finding each entry's contact by its unique index", async () => {
      const detail = await plan(insertAtPlaces(3));
      expect(detail).toContain("SEARCH contacts USING COVERING INDEX sqlite_autoindex_contacts_1 (workspace_id=? AND id=?)");
      expect(detail).not.toMatch(/SCAN contacts\b/);
    });

    it("keeps no index on the contact in contact_metadata: the rowid ranges stand in for it", async () => {
      const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'contact_metadata' order by name`.execute(store.db);
      expect(rows.map((row) => row.name)).toEqual(["contact_metadata_key_value"]);
    });

    it("a search term of 3+ characters uses the trigram index, not a scan of contacts", async () => {
      const query = store.db
        .selectFrom("contacts")
        .select("id")
        .where("workspace_id", "=", "ws_x")
        .where(sqliteContactSearch.condition("ws_x", "smith", "count"));
      const detail = await plan(query);
      expect(detail).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
      expect(detail).not.toMatch(/SCAN contacts\b/);
    });

    it("a page of a term with many matches walks the sort index, checking rows, with no match set built", async () => {
      const page = { sortBy: "createdAt", sortOrder: "desc", limit: 25, offset: 0 } as const;
      const detail = await plan(contactPageQuery(store, { workspaceId: "ws_x", search: "smith" }, page, 50_000));
      expect(detail).toMatch(/SEARCH contacts USING INDEX contacts_created/);
      expect(detail).not.toMatch(/VIRTUAL TABLE|TEMP B-TREE/);
      // SQLite's LIKE folds ASCII only: a term with other letters still goes through the trigram index.
      const nonAscii = await plan(contactPageQuery(store, { workspaceId: "ws_x", search: "ström" }, page, 50_000));
      expect(nonAscii).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
    });
  });
});
