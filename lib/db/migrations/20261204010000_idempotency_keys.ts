import { sql, type Kysely } from "kysely";

// The answers kept for `Idempotency-Key` retries (lib/idempotency). One row per key of one caller
// (an API key or a staff user) in one workspace: `status` is null while the first request runs,
// then holds its answer until `expires_at`. Same shape on both backends.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("caller", "text", (col) => col.notNull())
    .addColumn("idempotency_key", "text", (col) => col.notNull())
    .addColumn("method", "text", (col) => col.notNull())
    .addColumn("path", "text", (col) => col.notNull())
    .addColumn("fingerprint", "text", (col) => col.notNull())
    .addColumn("reservation", "text", (col) => col.notNull())
    .addColumn("status", "integer")
    .addColumn("response_body", "text")
    .addColumn("response_headers", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pkey", ["workspace_id", "caller", "idempotency_key"])
    .execute();
  await sql`create index idempotency_keys_expiry on idempotency_keys (workspace_id, expires_at)`.execute(db);
}
