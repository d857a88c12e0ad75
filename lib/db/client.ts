import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, type CompiledQuery, type QueryResult } from "kysely";
import { Pool } from "pg";
import { databaseConfig, type DatabaseConfig } from "../config";
import { registerMetadataIndexFunction } from "../contacts/metadata-index/sqlite-loaded-metadata-index";
import { log } from "../log";
import { onShutdown } from "../shutdown";
import { migrateToLatest } from "./migrate";
import { poolWithNamedStatements } from "./postgres/named-statements";
import { postgresStorage } from "./postgres/postgres-storage";
import { cacheStatements, SessionSqliteDialect } from "./sqlite-dialect";
import { isSqliteBusy } from "./sqlite/busy";
import { SqliteSession } from "./sqlite/sqlite-session";
import { checkpointInBackground, type BackgroundCheckpointOptions } from "./sqlite/background-checkpoints";
import { sqliteStorage } from "./sqlite/sqlite-storage";
import type { Database } from "./schema";
import type { StorageDialect } from "./storage-dialect";

export type Db = Kysely<Database>;
/** Runs a compiled query: on SQLite straight on the connection (lib/db/sqlite/sqlite-session.ts), on PostgreSQL through Kysely. */
export type RunQuery = <Row>(query: CompiledQuery<Row>) => Promise<QueryResult<Row>> | QueryResult<Row>;

/** What building (not running) a query needs. */
export type QueryScope = Pick<Store, "db" | "dialect">;

export interface Store {
  db: Db;
  dialect: StorageDialect;
  /** Runs a compiled query in this store's scope: the database, or the transaction it stands for. */
  run: RunQuery;
  /** SQLite: the connection's session, and the Kysely a transaction uses while it holds the session's lock. */
  sqlite?: { session: SqliteSession; transactionDb: Db };
}

/** The backend's dialect object, chosen once from the configuration. */
export function storageDialect(config: DatabaseConfig): StorageDialect {
  return config.dialect === "postgres" ? postgresStorage : sqliteStorage;
}

export interface StoreOptions {
  /** SQLite: WAL checkpoints on a worker thread instead of in the commits of requests (the server's store). */
  backgroundCheckpoints?: boolean | BackgroundCheckpointOptions;
}

/**
 * WAL mode, kept by the file once set. Only while a bulk load runs with a rollback journal
 * (lib/db/sqlite/bulk-load-settings.ts) can it not be set: this connection then reads and writes in the
 * load's mode, waiting for its lock, and finds WAL mode again when the load ends.
 */
function setWalMode(sqlite: SQLite.Database): void {
  try {
    sqlite.pragma("journal_mode = WAL");
  } catch (error) {
    if (!isSqliteBusy(error)) throw error;
  }
}

export function openStore(config: DatabaseConfig = databaseConfig(), options: StoreOptions = {}): Store {
  if (config.dialect === "postgres") {
    const pool = new Pool({ connectionString: config.url, max: config.poolSize });
    // A pooled connection that PostgreSQL closes while idle (a restart, a failover, an administrator's
    // pg_terminate_backend) is reported here, and with no listener would end the process. The pool
    // drops that client; the next query opens another.
    pool.on("error", (error) => log.warn({ err: error }, "a PostgreSQL connection closed while idle; the pool opens a new one when needed"));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: poolWithNamedStatements(pool) }) });
    return { db, dialect: storageDialect(config), run: (query) => db.executeQuery(query) };
  }
  fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const sqlite = new SQLite(config.file);
  setWalMode(sqlite);
  sqlite.pragma("foreign_keys = ON");
  // Several processes (server, CLI, tests) may share one file: wait for a lock instead of failing.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // 64 MiB of page cache instead of 2 MiB: bulk loads into big indexes stop re-reading pages, and
  // the server keeps the hot parts of a 1M-contact database in memory.
  sqlite.pragma("cache_size = -65536");
  // Reads straight from the operating system's file cache through a memory map, up to SQLite's
  // 2 GiB build limit, instead of a read() call and a copy into the page cache per page: faster
  // lookups, and the server's own memory stays small whatever the size of the database.
  sqlite.pragma("mmap_size = 2147418112");
  registerMetadataIndexFunction(sqlite);
  const { backgroundCheckpoints } = options;
  const checkpoints = backgroundCheckpoints ? checkpointInBackground(sqlite, backgroundCheckpoints === true ? {} : backgroundCheckpoints) : undefined;
  const session = new SqliteSession(cacheStatements(sqlite));
  const db = new Kysely<Database>({ dialect: new SessionSqliteDialect(session, { locking: true, beforeClose: async () => checkpoints?.stop() }) });
  const transactionDb = new Kysely<Database>({ dialect: new SessionSqliteDialect(session, { locking: false }) });
  return { db, dialect: storageDialect(config), run: (query) => session.runAlone(query), sqlite: { session, transactionDb } };
}

export async function openMigratedStore(config?: DatabaseConfig, options?: StoreOptions): Promise<Store> {
  const store = openStore(config, options);
  try {
    await migrateToLatest(store);
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
  globalStore.nexvioStore ??= openMigratedStore(undefined, { backgroundCheckpoints: true }).then(
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
