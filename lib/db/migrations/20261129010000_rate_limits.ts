import { sql, type Kysely } from "kysely";

// Rate-limit counters shared by every server process on one PostgreSQL (lib/api/limiter-store.ts),
// in the shape rate-limiter-flexible's RateLimiterPostgres reads and writes. SQLite deployments run
// one process and count in memory, so the table exists on PostgreSQL only.
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect !== "postgres") return;
  await sql`create table rate_limits (
    key varchar(255) primary key,
    points integer not null default 0,
    expire bigint
  )`.execute(db);
}
