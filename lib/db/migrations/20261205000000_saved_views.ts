import { sql, type Kysely } from "kysely";

// Saved views of the contacts table (lib/saved-views): a name and the list's query string, saved by
// one staff user and, when `shared` is 1, listed for everyone in the workspace. Names are unique
// per owner. Same shape on both backends.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("saved_views")
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("id", "text", (col) => col.notNull())
    .addColumn("owner_id", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("query", "text", (col) => col.notNull())
    .addColumn("shared", "integer", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("saved_views_pkey", ["workspace_id", "id"])
    .execute();
  await sql`create unique index saved_views_owner_name on saved_views (workspace_id, owner_id, name)`.execute(db);
  await sql`create index saved_views_shared on saved_views (workspace_id, shared)`.execute(db);
}
