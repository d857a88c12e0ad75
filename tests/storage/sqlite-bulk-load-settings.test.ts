import fs from "node:fs";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createChatbot } from "../../lib/chatbots/repository";
import { databaseConfig } from "../../lib/config";
import { insertableContacts, insertContactsIntoEmptyTables } from "../../lib/contacts/repository";
import { newContactRow } from "../../lib/contacts/service";
import { bulkLoad } from "../../lib/db/bulk-load";
import { openMigratedStore, openStore, type Store } from "../../lib/db/client";
import { pragmaValue } from "../../lib/db/sqlite/pragma";
import { importContacts } from "../../lib/import/import-contacts";
import type { SourceRow } from "../../lib/import/read-rows";
import { createWorkspace } from "../../lib/workspaces/repository";
import { temporaryDatabaseUrl } from "../support/server";

// A load into empty SQLite tables (lib/db/sqlite/bulk-load-settings.ts): written through a rollback
// journal when it has the database to itself, through the WAL otherwise; foreign keys checked once
// before the commit; the connection's settings as before once it ends, whichever way it ends.

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.db.destroy();
});

async function emptyWorkspace(name: string) {
  const url = temporaryDatabaseUrl(name);
  const store = await openMigratedStore(databaseConfig({ DATABASE_URL: url }));
  opened.push(store);
  const workspaceId = (await createWorkspace(store, name)).id;
  const chatbotId = (await createChatbot(store, workspaceId, "Bot")).id;
  return { store, file: url.slice("file:".length), workspaceId, chatbotId };
}

async function* contactRows(chatbotId: string, count: number): AsyncIterable<SourceRow> {
  for (let i = 0; i < count; i++) yield { line: i + 1, value: { chatbotId, name: `Loaded ${i}`, email: `loaded${i}@example.com`, metadata: { n: i } } };
}

const setting = (store: Store, name: string) => pragmaValue(store.db, name);
const walBytes = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
const contactCount = async (store: Store) => Number((await sql<{ n: number }>`select count(*) as n from contacts`.execute(store.db)).rows[0]!.n);

describe("a load into empty SQLite tables", () => {
  it("with the database to itself, writes its pages into the file once, not through the WAL, and leaves WAL mode and foreign keys on", async () => {
    const { store, file, workspaceId, chatbotId } = await emptyWorkspace("bulk-alone");
    const sizeBefore = fs.statSync(file).size;
    expect(await importContacts(store, workspaceId, contactRows(chatbotId, 20_000))).toEqual({ imported: 20_000, rejected: [] });
    // Through the WAL, every page of the load passes through the log first (about 14 MB here).
    expect(fs.statSync(file).size - sizeBefore).toBeGreaterThan(8_000_000);
    expect(walBytes(file)).toBeLessThan(1_000_000);
    expect(await setting(store, "journal_mode")).toBe("wal");
    expect(await setting(store, "foreign_keys")).toBe(1);
    expect(await contactCount(store)).toBe(20_000);
  });

  it("beside another connection, keeps the WAL, which that connection reads as before", async () => {
    const { store, file, workspaceId, chatbotId } = await emptyWorkspace("bulk-shared");
    const other = new SQLite(file);
    // Once it has read, the connection holds the WAL's index open, as a server's does.
    other.prepare("select count(*) from workspaces").get();
    try {
      expect(await importContacts(store, workspaceId, contactRows(chatbotId, 5_000))).toEqual({ imported: 5_000, rejected: [] });
      expect(walBytes(file)).toBeGreaterThan(1_000_000);
      expect(await setting(store, "journal_mode")).toBe("wal");
      expect(other.prepare("select count(*) as n from contacts").get()).toEqual({ n: 5_000 });
    } finally {
      other.close();
    }
  });

  it("refuses rows naming a chatbot that does not exist, leaving nothing of the load, and the connection's settings as before", async () => {
    const { store, workspaceId, chatbotId } = await emptyWorkspace("bulk-orphans");
    const rows = [newContactRow(workspaceId, { chatbotId, name: "Kept out" }), newContactRow(workspaceId, { chatbotId: "chatbot_gone", name: "Orphan" })];
    const load = bulkLoad(store, ["contacts", "contact_metadata"], (writeBatch) => writeBatch((tx) => insertContactsIntoEmptyTables(tx, insertableContacts(rows))));
    await expect(load).rejects.toThrow(/a loaded row of contacts \(rowid \d+\) names a chatbots row that does not exist/);
    expect(await contactCount(store)).toBe(0);
    expect(await setting(store, "journal_mode")).toBe("wal");
    expect(await setting(store, "foreign_keys")).toBe(1);
    // The indexes the load dropped are back: it was all undone.
    const indexes = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'contacts' and sql is not null`.execute(store.db);
    expect(indexes.rows.length).toBeGreaterThan(5);
  });

  it("lets a connection opened while a load holds the database in rollback-journal mode wait for it, then find WAL mode", async () => {
    const { store, file } = await emptyWorkspace("bulk-open-during");
    await store.db.destroy();
    opened.splice(0);
    const loader = new SQLite(file);
    loader.pragma("journal_mode = delete");
    loader.exec("begin immediate; insert into workspaces (id, name, created_at) values ('ws_during', 'During', '2026-01-01T00:00:00.000Z')");
    // openStore asks for WAL mode, which cannot be set while the loader has the database: it opens anyway.
    const late = openStore(databaseConfig({ DATABASE_URL: `file:${file}` }));
    opened.push(late);
    loader.exec("commit");
    loader.pragma("journal_mode = wal");
    loader.close();
    expect((await sql<{ n: number }>`select count(*) as n from workspaces where id = 'ws_during'`.execute(late.db)).rows[0]!.n).toBe(1);
    expect(await setting(late, "journal_mode")).toBe("wal");
  });
});
