import { sql, type Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { openStore, type Store } from "../../lib/db/client";
import { migrateToLatest } from "../../lib/db/migrate";
import { migrateUpTo } from "../support/migrations";
import { temporaryDatabaseUrl } from "../support/server";

// Metadata index entries written before SQLite kept them in ranges by contact get their places from
// the migration that makes the ranges (lib/contacts/metadata-index/sqlite-metadata-rows.ts).

const MIGRATION = "20261207000000_sqlite_contact_metadata_slots";

let store: Store | undefined;
afterAll(() => store?.db.destroy());

describe(MIGRATION, () => {
  it("moves each contact's entries to its range, in the order they were written, and drops the index on the contact", async () => {
    store = openStore(databaseConfig({ DATABASE_URL: temporaryDatabaseUrl("metadata-slots") }));
    await migrateUpTo(store, MIGRATION);
    const db = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const at = "2026-01-01T00:00:00.000Z";
    await db.insertInto("workspaces").values({ id: "ws_1", name: "W", created_at: at }).execute();
    await db.insertInto("chatbots").values({ workspace_id: "ws_1", id: "bot_1", name: "B", created_at: at }).execute();
    const contact = (id: string) => ({ workspace_id: "ws_1", id, chatbot_id: "bot_1", metadata: "{}", created_at: at, updated_at: at });
    await db.insertInto("contacts").values([contact("contact_a"), contact("contact_b"), contact("contact_c")]).execute();
    const seqs = await db.selectFrom("contacts").select(["id", "seq"]).execute();
    const seqOf = (id: string) => Number(seqs.find((row) => row.id === id)!.seq);
    // Interleaved, as PATCHes leave them, and one entry whose contact is gone.
    const entry = (contact_id: string, key: string) => ({ workspace_id: "ws_1", contact_id, key, folded_value: "x" });
    await db
      .insertInto("contact_metadata")
      .values([entry("contact_b", "plan"), entry("contact_a", "city"), entry("contact_b", "seats"), entry("contact_gone", "plan"), entry("contact_b", "vip"), entry("contact_a", "plan")])
      .execute();

    expect(await migrateToLatest(store)).toContain(MIGRATION);
    const { rows } = await sql<{ slot: number; contact_id: string; key: string }>`select slot, contact_id, key from contact_metadata order by slot`.execute(store.db);
    expect(rows).toEqual([
      { slot: seqOf("contact_a") * 64, contact_id: "contact_a", key: "city" },
      { slot: seqOf("contact_a") * 64 + 1, contact_id: "contact_a", key: "plan" },
      { slot: seqOf("contact_b") * 64, contact_id: "contact_b", key: "plan" },
      { slot: seqOf("contact_b") * 64 + 1, contact_id: "contact_b", key: "seats" },
      { slot: seqOf("contact_b") * 64 + 2, contact_id: "contact_b", key: "vip" },
    ]);
    const indexes = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'contact_metadata' order by name`.execute(store.db);
    expect(indexes.rows.map((row) => row.name)).toEqual(["contact_metadata_key_value"]);
  });
});
