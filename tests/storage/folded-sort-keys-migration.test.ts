import type { Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { openStore, type Store } from "../../lib/db/client";
import { migrateToLatest } from "../../lib/db/migrate";
import { migrateUpTo } from "../support/migrations";
import { temporaryDatabaseUrl } from "../support/server";

// Contacts stored before the folded sort keys existed get theirs from the migration that adds them.

const MIGRATION = "20261204000000_folded_sort_keys";

let store: Store | undefined;
afterAll(() => store?.db.destroy());

describe(MIGRATION, () => {
  it("fills the sort keys of existing contacts and leaves null where the value is null", async () => {
    store = openStore(databaseConfig({ DATABASE_URL: temporaryDatabaseUrl("sort-keys") }));
    await migrateUpTo(store, MIGRATION);
    const db = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db.insertInto("workspaces").values({ id: "ws_1", name: "W", created_at: "2026-01-01T00:00:00.000Z" }).execute();
    await db.insertInto("chatbots").values({ workspace_id: "ws_1", id: "bot_1", name: "B", created_at: "2026-01-01T00:00:00.000Z" }).execute();
    const contact = (id: string, name: string | null, email: string | null) => ({
      workspace_id: "ws_1", id, chatbot_id: "bot_1", name, email, phone: null, metadata: "{}", created_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z",
    });
    // More than one batch of the migration (2,000 rows).
    const rows = Array.from({ length: 2_500 }, (_, i) => contact(`contact_${String(i).padStart(5, "0")}`, `Émile ${i}`, `ZOE${i}@Example.com`));
    rows.push(contact("contact_none", null, null), contact("contact_ﬁ", "ﬁona Ångström", null));
    for (let i = 0; i < rows.length; i += 500) await db.insertInto("contacts").values(rows.slice(i, i + 500)).execute();

    expect(await migrateToLatest(store)).toContain(MIGRATION);
    const keys = await db.selectFrom("contacts").select(["id", "name_sort_key", "email_sort_key"]).orderBy("id").execute();
    expect(keys.find((row) => row.id === "contact_02499")).toEqual({ id: "contact_02499", name_sort_key: "emile 2499", email_sort_key: "zoe2499@example.com" });
    expect(keys.find((row) => row.id === "contact_none")).toEqual({ id: "contact_none", name_sort_key: null, email_sort_key: null });
    expect(keys.find((row) => row.id === "contact_ﬁ")).toMatchObject({ name_sort_key: "fiona angstrom" });
    expect(keys.filter((row) => row.name_sort_key === null)).toHaveLength(1);
  });
});
