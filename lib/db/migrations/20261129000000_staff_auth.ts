import type { ColumnDataType, Kysely } from "kysely";

// Staff accounts and sessions for the dashboard, in the shape better-auth reads and writes
// (see lib/auth/server.ts for the column mapping). better-auth stores dates and booleans natively
// on PostgreSQL and as ISO text / 0-1 integers on SQLite, hence the per-dialect column types.
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  const date: ColumnDataType = dialect === "postgres" ? "timestamptz" : "text";
  const boolean: ColumnDataType = dialect === "postgres" ? "boolean" : "integer";

  await db.schema
    .createTable("staff_users")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("workspace_id", "text", (col) => col.notNull().references("workspaces.id"))
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("email", "text", (col) => col.notNull().unique())
    .addColumn("email_verified", boolean, (col) => col.notNull())
    .addColumn("image", "text")
    .addColumn("created_at", date, (col) => col.notNull())
    .addColumn("updated_at", date, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("staff_users_workspace").on("staff_users").column("workspace_id").execute();

  await db.schema
    .createTable("staff_sessions")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.notNull().references("staff_users.id").onDelete("cascade"))
    .addColumn("token", "text", (col) => col.notNull().unique())
    .addColumn("expires_at", date, (col) => col.notNull())
    .addColumn("ip_address", "text")
    .addColumn("user_agent", "text")
    .addColumn("created_at", date, (col) => col.notNull())
    .addColumn("updated_at", date, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("staff_sessions_user").on("staff_sessions").column("user_id").execute();

  await db.schema
    .createTable("staff_accounts")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.notNull().references("staff_users.id").onDelete("cascade"))
    .addColumn("account_id", "text", (col) => col.notNull())
    .addColumn("provider_id", "text", (col) => col.notNull())
    .addColumn("password", "text")
    .addColumn("access_token", "text")
    .addColumn("refresh_token", "text")
    .addColumn("id_token", "text")
    .addColumn("access_token_expires_at", date)
    .addColumn("refresh_token_expires_at", date)
    .addColumn("scope", "text")
    .addColumn("created_at", date, (col) => col.notNull())
    .addColumn("updated_at", date, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("staff_accounts_user").on("staff_accounts").column("user_id").execute();

  await db.schema
    .createTable("staff_verifications")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("identifier", "text", (col) => col.notNull())
    .addColumn("value", "text", (col) => col.notNull())
    .addColumn("expires_at", date, (col) => col.notNull())
    .addColumn("created_at", date, (col) => col.notNull())
    .addColumn("updated_at", date, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("staff_verifications_identifier").on("staff_verifications").column("identifier").execute();
}
