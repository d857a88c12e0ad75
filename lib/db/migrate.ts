import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Kysely } from "kysely";
import { Migrator, type Migration, type MigrationResultSet } from "kysely/migration";
import type { Store } from "./client";

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

/** How many migrations the database has recorded as applied. */
async function appliedCount(migrator: Migrator): Promise<number> {
  return (await migrator.getMigrations()).filter((migration) => migration.executedAt !== undefined).length;
}

const MIGRATION_ATTEMPTS = 3;

export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(await loadMigrations())) {
    migrations[name] = { up: (tx) => migration.up(tx, store.dialect.name) };
  }
  const migrator = new Migrator({ db: store.db as Kysely<unknown>, provider: { getMigrations: async () => migrations } });
  for (let attempt = 1; ; attempt++) {
    const before = await appliedCount(migrator);
    const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
    // Kysely locks migrations on PostgreSQL but not on SQLite: two processes starting on one file can
    // both set out to apply a migration, and the second fails on what the first created. Each
    // migration commits with its record, so if the database now has more applied, look again.
    if (attempt < MIGRATION_ATTEMPTS && (await appliedCount(migrator)) > before) continue;
    throw error instanceof Error ? error : new Error(String(error));
  }
}
