import type { Kysely } from "kysely";
import { Migrator, type Migration, type MigrationResultSet } from "kysely/migration";
import type { Store } from "./client";
import * as initial from "./migrations/20261128000000_initial";
import * as staffAuth from "./migrations/20261129000000_staff_auth";
import * as rateLimits from "./migrations/20261129010000_rate_limits";
import * as searchIndexPerStatement from "./migrations/20261129020000_search_index_per_statement";
import * as byteOrderSortIndexes from "./migrations/20261129030000_byte_order_sort_indexes";
import * as contactCounts from "./migrations/20261129040000_contact_counts";

// Listed explicitly (not read from disk) so the same list works inside the Next.js bundle and the CLI.
// A migration is frozen: it gets the backend's name, never the live dialect object, whose methods may change.
type DialectMigration = { up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> };
const MIGRATIONS: Record<string, DialectMigration> = {
  "20261128000000_initial": initial,
  "20261129000000_staff_auth": staffAuth,
  "20261129010000_rate_limits": rateLimits,
  "20261129020000_search_index_per_statement": searchIndexPerStatement,
  "20261129030000_byte_order_sort_indexes": byteOrderSortIndexes,
  "20261129040000_contact_counts": contactCounts,
};

export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (tx) => migration.up(tx, store.dialect.name) };
  }
  const migrator = new Migrator({ db: store.db as Kysely<unknown>, provider: { getMigrations: async () => migrations } });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
