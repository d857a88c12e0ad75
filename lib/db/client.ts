import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect } from "kysely";
import { Pool } from "pg";
import { databaseConfig, type DatabaseConfig } from "../config";
import { onShutdown } from "../shutdown";
import type { DialectName } from "./dialect";
import { migrateToLatest } from "./migrate";
import { cacheStatements, FairSqliteDialect } from "./sqlite-dialect";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
export interface Store {
  db: Db;
  dialect: DialectName;
}

export function openStore(config: DatabaseConfig = databaseConfig()): Store {
  if (config.dialect === "postgres") {
    const pool = new Pool({ connectionString: config.url, max: config.poolSize });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: "postgres" };
  }
  fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const sqlite = new SQLite(config.file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Several processes (server, CLI, tests) may share one file: wait for a lock instead of failing.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // 64 MiB of page cache instead of 2 MiB: bulk loads into big indexes stop re-reading pages, and
  // the server keeps the hot parts of a 1M-contact database in memory.
  sqlite.pragma("cache_size = -65536");
  return { db: new Kysely<Database>({ dialect: new FairSqliteDialect({ database: cacheStatements(sqlite) }) }), dialect: "sqlite" };
}

export async function openMigratedStore(config?: DatabaseConfig): Promise<Store> {
  const store = openStore(config);
  try {
    await migrateToLatest(store.db as Kysely<unknown>, store.dialect);
  } catch (error) {
    // Callers retry (a readiness probe every few seconds): each failed attempt must not leak a handle.
    await store.db.destroy().catch(() => undefined);
    throw error;
  }
  return store;
}

// One migrated store per server process, kept on globalThis so dev-mode reloads reuse it.
const globalStore = globalThis as typeof globalThis & { nexvioStore?: Promise<Store> };

export function getStore(): Promise<Store> {
  globalStore.nexvioStore ??= openMigratedStore().then(
    (store) => {
      onShutdown(() => store.db.destroy());
      return store;
    },
    (error: unknown) => {
      globalStore.nexvioStore = undefined;
      throw error;
    },
  );
  return globalStore.nexvioStore;
}
