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
 * texts (the queries are parameterized, so a handful of texts serves every request). A statement
 * busy in an open iterator is never handed out twice.
 */
export function cacheStatements(database: SQLite.Database, capacity = 500): SQLite.Database {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, SQLite.Statement>();
  database.prepare = ((source: string) => {
    const cached = statements.get(source);
    if (cached && !cached.busy) {
      statements.delete(source);
      statements.set(source, cached);
      return cached;
    }
    const statement = prepare(source);
    statements.set(source, statement);
    if (statements.size > capacity) statements.delete(statements.keys().next().value!);
    return statement;
  }) as SQLite.Database["prepare"];
  return database;
}
