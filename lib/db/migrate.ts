import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sql, type Kysely } from "kysely";
import { Migrator, type Migration, type MigrationResultSet } from "kysely/migration";
import type { Store } from "./client";
import { isSqliteBusy } from "./sqlite/busy";

// Every file in migrations/ is a migration, applied once, in name order. They are found on disk
// rather than listed here, so that adding one adds a file and edits none.
// A migration is frozen: it gets the backend's name, never the live dialect object, whose methods may change.

const MIGRATIONS_DIRECTORY = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const MIGRATION_FILE = /^(\d{14}_[a-z0-9_]+)\.ts$/;

type DialectMigration = { up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> };

/** The migrations in `directory`, by name (the file name without `.ts`). */
export async function loadMigrations(directory = MIGRATIONS_DIRECTORY): Promise<Record<string, DialectMigration>> {
  const migrations: Record<string, DialectMigration> = {};
  for (const file of fs.readdirSync(/* turbopackIgnore: true */ directory).sort()) {
    const name = MIGRATION_FILE.exec(file)?.[1];
    if (!name) throw new Error(`${path.join(directory, file)} is not named like a migration (<yyyymmddhhmmss>_<what>.ts)`);
    // Node imports the file itself, also from the Next.js bundle (which has no copy of it): a
    // migration imports only kysely and uses only TypeScript that Node can strip.
    migrations[name] = (await import(/* turbopackIgnore: true */ /* @vite-ignore */ pathToFileURL(path.join(directory, file)).href)) as DialectMigration;
  }
  return migrations;
}

/** The longest a process waits for another one's migrations on the same SQLite file. */
const SQLITE_MIGRATION_WAIT_MS = 10 * 60_000;

/**
 * Kysely locks migrations on PostgreSQL (an advisory lock, each migration in a transaction) but not
 * on SQLite, where two processes starting on one new file would both apply the first migration.
 * On SQLite the whole run is one `BEGIN IMMEDIATE` transaction: the write lock is the migration
 * lock (a second process waits, then finds everything applied), and a failed migration leaves
 * nothing half-applied.
 */
async function withSqliteMigrationLock<T>(store: Store, run: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + SQLITE_MIGRATION_WAIT_MS;
  for (;;) {
    try {
      await sql`begin immediate`.execute(store.db);
      break;
    } catch (error) {
      // busy_timeout already waited a few seconds; a long migration elsewhere may need more.
      if (!isSqliteBusy(error) || Date.now() > deadline) throw error;
    }
  }
  try {
    const result = await run();
    await sql`commit`.execute(store.db);
    return result;
  } catch (error) {
    await sql`rollback`.execute(store.db).catch(() => undefined);
    throw error;
  }
}

export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(await loadMigrations())) {
    migrations[name] = { up: (tx) => migration.up(tx, store.dialect.name) };
  }
  const migrator = new Migrator({ db: store.db as Kysely<unknown>, provider: { getMigrations: async () => migrations } });
  const migrate = async () => {
    const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  };
  return store.dialect.name === "sqlite" ? withSqliteMigrationLock(store, migrate) : migrate();
}
