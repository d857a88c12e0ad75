import type { Kysely } from "kysely";
import { Migrator, type Migration } from "kysely/migration";
import type { Store } from "../../lib/db/client";
import { loadMigrations } from "../../lib/db/migrate";

/** Applies every migration before `last` (by name), so that a test can write rows as they were stored then. */
export async function migrateUpTo(target: Store, last: string): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(await loadMigrations())) {
    if (name < last) migrations[name] = { up: (db) => migration.up(db, target.dialect.name) };
  }
  const { error } = await new Migrator({ db: target.db as Kysely<unknown>, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (error) throw error;
}
