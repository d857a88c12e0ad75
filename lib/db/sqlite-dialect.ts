import type SQLite from "better-sqlite3";
import { OperatorNode, SqliteAdapter, SqliteDialect, SqliteQueryCompiler, ValueNode, type BinaryOperationNode, type DialectAdapter, type Driver, type QueryCompiler } from "kysely";
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

  override createQueryCompiler(): QueryCompiler {
    return new EqualityOnExpressionCompiler();
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
 * Writes a value compared for equality as an expression, `column = +?`, which means the same.
 *
 * SQLite's planner guesses how selective `column = ?` is from whether the bound value is 0 or 1,
 * and so marks the parameter as one whose value may change the plan. `sqlite3_clear_bindings`,
 * which better-sqlite3 calls after every run, expires a statement with such a parameter: each run
 * parsed and planned it again (seen with gdb on every list page, under ORDER BY … LIMIT; about 6 %
 * of a page's CPU in perf). A unary plus hides the parameter from that guess and changes nothing
 * else: it returns its operand as is, and a bound value has no affinity or collation to drop.
 */
class EqualityOnExpressionCompiler extends SqliteQueryCompiler {
  protected override visitBinaryOperation(node: BinaryOperationNode): void {
    const { operator, rightOperand } = node;
    if (!ValueNode.is(rightOperand) || rightOperand.immediate || !OperatorNode.is(operator) || !EQUALITY_OPERATORS.has(operator.operator)) {
      super.visitBinaryOperation(node);
      return;
    }
    this.visitNode(node.leftOperand);
    this.append(" ");
    this.visitNode(operator);
    this.append(" +");
    this.visitNode(rightOperand);
  }
}

const EQUALITY_OPERATORS = new Set(["=", "==", "is"]);

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
