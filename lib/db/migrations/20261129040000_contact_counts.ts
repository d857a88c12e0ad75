import { sql, type Kysely } from "kysely";

// Counting a million-contact workspace row by row takes hundreds of milliseconds on either backend,
// and every unfiltered list answers with its `total`. The count is kept per chatbot instead, changed
// in the same transaction as the contacts (lib/contacts/contact-counts.ts).
//
// SQLite also gets two indexes for search (lib/contacts/search/sqlite-contact-search.ts): (workspace_id, seq) checks trigram
// matches against the workspace without reading rows, and (workspace_id, name, email) lets a term
// too short for the trigram index be matched without reading rows.
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  await db.schema
    .createTable("contact_counts")
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("chatbot_id", "text", (col) => col.notNull())
    .addColumn("contacts", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("contact_counts_pkey", ["workspace_id", "chatbot_id"])
    .execute();
  await sql`insert into contact_counts (workspace_id, chatbot_id, contacts)
    select workspace_id, chatbot_id, count(*) from contacts group by workspace_id, chatbot_id`.execute(db);
  if (dialect === "sqlite") {
    await sql`create index contacts_workspace_seq on contacts (workspace_id, seq)`.execute(db);
    await sql`create index contacts_name_email on contacts (workspace_id, name, email)`.execute(db);
  }
}
