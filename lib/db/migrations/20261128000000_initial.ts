import { sql, type Kysely } from "kysely";
import { createContactsTable, type DialectName } from "../dialect";

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("workspaces")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("chatbots")
    .addColumn("workspace_id", "text", (col) => col.notNull().references("workspaces.id"))
    .addColumn("id", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("chatbots_pkey", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("api_keys")
    .addColumn("workspace_id", "text", (col) => col.notNull().references("workspaces.id"))
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("key_prefix", "text", (col) => col.notNull())
    .addColumn("key_hash", "text", (col) => col.notNull().unique())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("api_keys_workspace").on("api_keys").columns(["workspace_id", "created_at"]).execute();

  await createContactsTable(db, dialect);
  // Sort indexes: `(x is null)` first puts null values last in both directions; id breaks ties.
  await sql`create index contacts_created on contacts (workspace_id, created_at, id)`.execute(db);
  await sql`create index contacts_chatbot_created on contacts (workspace_id, chatbot_id, created_at, id)`.execute(db);
  for (const field of ["name", "email"] as const) {
    await sql`create index ${sql.raw(`contacts_${field}_asc`)} on contacts
      (workspace_id, (${sql.ref(field)} is null), ${sql.ref(field)}, id)`.execute(db);
    await sql`create index ${sql.raw(`contacts_${field}_desc`)} on contacts
      (workspace_id, (${sql.ref(field)} is null), ${sql.ref(field)} desc, id desc)`.execute(db);
  }

  await db.schema
    .createTable("conversations")
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("id", "text", (col) => col.notNull())
    .addColumn("chatbot_id", "text", (col) => col.notNull())
    .addColumn("contact_id", "text")
    .addColumn("started_at", "text", (col) => col.notNull())
    .addColumn("last_message_at", "text", (col) => col.notNull())
    .addColumn("message_count", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("summary", "text")
    .addPrimaryKeyConstraint("conversations_pkey", ["workspace_id", "id"])
    .addForeignKeyConstraint("conversations_chatbot_fkey", ["workspace_id", "chatbot_id"], "chatbots", [
      "workspace_id",
      "id",
    ])
    .addForeignKeyConstraint("conversations_contact_fkey", ["workspace_id", "contact_id"], "contacts", [
      "workspace_id",
      "id",
    ])
    .execute();
  await sql`create index conversations_contact on conversations
    (workspace_id, contact_id, started_at desc, id desc)`.execute(db);
}
