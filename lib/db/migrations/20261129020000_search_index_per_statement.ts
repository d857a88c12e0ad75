import { sql, type Kysely } from "kysely";

// SQLite: new contacts enter the trigram index once per insert statement (lib/contacts/search/sqlite-contact-search.ts,
// insertSearchableContacts) instead of once per row from a trigger — measured 2.5–3× faster for bulk
// loads. Updates and deletes keep their triggers.
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect !== "sqlite") return;
  await sql`drop trigger contacts_search_insert`.execute(db);
}
