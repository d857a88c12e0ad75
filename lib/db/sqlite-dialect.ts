import type SQLite from "better-sqlite3";
import { SqliteAdapter, SqliteDialect, type DialectAdapter, type Driver } from "kysely";
import type { SqliteSession } from "./sqlite/sqlite-session";

/**
 * Kysely's SQLite dialect over a SqliteSession. Locking: a query or transaction takes the
 * session's lock for the connection, the same lock that queries run outside Kysely take
 * (lib/db/sqlite/sqlite-session.ts). Not locking: for the statements of a transaction that holds
 * the lock already; it leaves the connection open when destroyed.
 */
export class SessionSqliteDialect extends SqliteDialect {
  constructor(
    private readonly session: SqliteSession,
    private readonly mode: { locking: true; beforeClose?: () => Promise<void> } | { locking: false },
  ) {
    super({ database: session.database });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const { mode, session } = this;
    if (!mode.locking) {
      driver.destroy = async () => {};
      return driver;
    }
    const acquire = driver.acquireConnection.bind(driver);
    const release = driver.releaseConnection.bind(driver);
    driver.acquireConnection = async () => {
      await session.acquire();
      return acquire();
    };
    driver.releaseConnection = async (connection) => {
      await release(connection);
      session.release();
    };
    const destroy = driver.destroy.bind(driver);
    driver.destroy = async () => {
      await mode.beforeClose?.();
      await destroy();
    };
    return driver;
  }

  // Kysely locks a one-connection backend's connection itself unless told it has several: the
  // session's lock takes its place.
  override createAdapter(): DialectAdapter {
    return new (class extends SqliteAdapter {
      override get supportsMultipleConnections() {
        return true;
      }
    })();
  }
}

/**
 * Kysely prepares every query's statement anew; preparing costs about as much as running a
 * typical indexed query. The database keeps the statements of the last `capacity` distinct SQL
 * texts used (the queries are parameterized, so a handful of texts serves every request). A
 * statement busy in an open iterator is never handed out twice.
 *
 * A use only stamps its entry. Moving it to the end of the Map instead (delete, then set) leaves a
 * hole each time, and every few dozen uses the Map rebuilds its table in the old generation, where
 * a long-lived Map's table lives: about 250 bytes of old-generation garbage per PATCH, a quarter
 * of what the old generation grew by under PATCHes. The least recently used entry is looked for
 * only when a new text overflows the cache.
 */
export function cacheStatements(database: SQLite.Database, capacity = 500): SQLite.Database {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, { statement: SQLite.Statement; lastUse: number }>();
  let uses = 0;
  database.prepare = ((source: string) => {
    const cached = statements.get(source);
    if (cached && !cached.statement.busy) {
      cached.lastUse = ++uses;
      return cached.statement;
    }
    const statement = prepare(source);
    statements.set(source, { statement, lastUse: ++uses });
    if (statements.size > capacity) statements.delete(leastRecentlyUsed(statements));
    return statement;
  }) as SQLite.Database["prepare"];
  return database;
}

function leastRecentlyUsed(statements: Map<string, { lastUse: number }>): string {
  let oldest: string | undefined;
  let oldestUse = Infinity;
  for (const [source, { lastUse }] of statements) {
    if (lastUse < oldestUse) {
      oldest = source;
      oldestUse = lastUse;
    }
  }
  return oldest!;
}
