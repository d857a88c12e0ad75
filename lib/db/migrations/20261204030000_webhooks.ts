import { sql, type Kysely } from "kysely";

// Webhooks (lib/webhooks): the endpoints a workspace registers, one delivery row per event and
// endpoint (the outbox, written in the same transaction as the contact change), and every attempt
// to send one. `events` is the JSON text of an array of event types; `enabled` is 0 or 1 on both
// backends so that one insert … select serves both.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("workspace_id", "text", (col) => col.notNull().references("workspaces.id"))
    .addColumn("id", "text", (col) => col.notNull())
    .addColumn("url", "text", (col) => col.notNull())
    .addColumn("description", "text")
    .addColumn("events", "text", (col) => col.notNull())
    .addColumn("enabled", "integer", (col) => col.notNull())
    .addColumn("secret", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("webhook_endpoints_pkey", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("endpoint_id", "text", (col) => col.notNull())
    .addColumn("webhook_id", "text", (col) => col.notNull())
    .addColumn("event_type", "text", (col) => col.notNull())
    .addColumn("payload", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("attempts", "integer", (col) => col.notNull())
    .addColumn("failures", "integer", (col) => col.notNull())
    .addColumn("next_attempt_at", "text")
    .addColumn("claim_id", "text")
    .addColumn("last_attempt_at", "text")
    .addColumn("last_status_code", "integer")
    .addColumn("last_latency_ms", "integer")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addForeignKeyConstraint("webhook_deliveries_endpoint_fkey", ["workspace_id", "endpoint_id"], "webhook_endpoints", ["workspace_id", "id"], (fk) =>
      fk.onDelete("cascade"),
    )
    .execute();
  await db.schema.createIndex("webhook_deliveries_endpoint").on("webhook_deliveries").columns(["workspace_id", "endpoint_id", "created_at", "id"]).execute();
  // The worker's poll: only pending rows, by when they are due.
  await sql`create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending'`.execute(db);

  await db.schema
    .createTable("webhook_attempts")
    .addColumn("delivery_id", "text", (col) => col.notNull().references("webhook_deliveries.id").onDelete("cascade"))
    .addColumn("number", "integer", (col) => col.notNull())
    .addColumn("attempted_at", "text", (col) => col.notNull())
    .addColumn("status_code", "integer")
    .addColumn("latency_ms", "integer", (col) => col.notNull())
    .addColumn("error", "text")
    .addPrimaryKeyConstraint("webhook_attempts_pkey", ["delivery_id", "number"])
    .execute();
}
