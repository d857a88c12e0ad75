import { sql, type Kysely } from "kysely";

// Frozen: a migration holds its own schema calls and imports nothing but kysely, so that changing
// live code never changes what an applied migration did.
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
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

  const contactColumns = db.schema
    .createTable("contacts")
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("id", "text", (col) => col.notNull())
    .addColumn("chatbot_id", "text", (col) => col.notNull())
    .addColumn("name", "text")
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("metadata", "text", (col) => col.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addForeignKeyConstraint("contacts_chatbot_fkey", ["workspace_id", "chatbot_id"], "chatbots", ["workspace_id", "id"]);
  // SQLite gets an integer primary key as the full-text index's stable row id; PostgreSQL keys by
  // (workspace_id, id) so that it can be sharded by workspace.
  const contacts =
    dialect === "sqlite"
      ? contactColumns
          .addColumn("seq", "integer", (col) => col.primaryKey())
          .addUniqueConstraint("contacts_workspace_id_id_key", ["workspace_id", "id"])
      : contactColumns.addPrimaryKeyConstraint("contacts_pkey", ["workspace_id", "id"]);
  await contacts.execute();

  if (dialect === "sqlite") {
    await sql`create virtual table contacts_search using fts5(
      name, email, content='contacts', content_rowid='seq', tokenize='trigram')`.execute(db);
    // The insert trigger is dropped by 20261129020000_search_index_per_statement.
    await sql`create trigger contacts_search_insert after insert on contacts begin
      insert into contacts_search(rowid, name, email) values (new.seq, new.name, new.email);
    end`.execute(db);
    await sql`create trigger contacts_search_delete after delete on contacts begin
      insert into contacts_search(contacts_search, rowid, name, email) values ('delete', old.seq, old.name, old.email);
    end`.execute(db);
    await sql`create trigger contacts_search_update after update of name, email on contacts begin
      insert into contacts_search(contacts_search, rowid, name, email) values ('delete', old.seq, old.name, old.email);
      insert into contacts_search(rowid, name, email) values (new.seq, new.name, new.email);
    end`.execute(db);
  } else {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index contacts_name_trgm on contacts using gin (name gin_trgm_ops)`.execute(db);
    await sql`create index contacts_email_trgm on contacts using gin (email gin_trgm_ops)`.execute(db);
  }
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
