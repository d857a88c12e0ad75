import { type Kysely } from "kysely";

// One staff user's dashboard preferences (lib/staff-preferences), e.g. the contacts table's
// columns: a name and a JSON value per user. Same shape on both backends.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("staff_preferences")
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("staff_user_id", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("value", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("staff_preferences_pkey", ["workspace_id", "staff_user_id", "name"])
    .execute();
}
