import type SQLite from "better-sqlite3";
import type { CompiledQuery, QueryResult } from "kysely";
import { TableWriteCounter } from "./table-write-counter";

/** The longest queries run back to back before the event loop gets a turn. */
const MAX_QUERY_RUN_MS = 1;

/**
 * The server's one better-sqlite3 connection, lent to one user at a time: a transaction keeps it
 * across its awaits, and every other query waits for it. Kysely's driver (lib/db/sqlite-dialect.ts)
 * and the queries compiled once (lib/db/prepared-query.ts) take the same lock; the latter then run
 * their statement straight away, without Kysely's per-query machinery (about 3 KB of promises and
 * closures a query, a PATCH's eight queries a quarter of its garbage).
 *
 * better-sqlite3 runs each statement synchronously and the lock passes from user to user through
 * promise callbacks: under load, queued queries would run back to back without the event loop ever
 * polling, and the server would stop accepting connections and reading requests (even /healthz and
 * SIGTERM would wait). A turn of the event loop when the lock is taken, once queries have held it for
 * MAX_QUERY_RUN_MS, keeps it responsive; a turn before every query cost a small request a tenth of
 * its time.
 */
export class SqliteSession {
  #held = false;
  readonly #waiting: (() => void)[] = [];
  #lastTurn = 0;

  readonly #tableWrites: TableWriteCounter;
  #dataVersion?: SQLite.Statement;

  constructor(readonly database: SQLite.Database) {
    this.#tableWrites = new TableWriteCounter(database);
  }

  /**
   * A value that differs whenever a row of `table` may have changed since it was last read: after a
   * commit by any other connection, in this process or another (`PRAGMA data_version`), or a write
   * to `table` on this one, committed or not (lib/db/sqlite/table-write-counter.ts). This
   * connection's writes to other tables leave it alone. Undefined inside a transaction, which may
   * hold changes of its own that are not the database's yet. Reading it costs a fraction of an
   * indexed lookup.
   */
  changeStampOf(table: string): string | undefined {
    if (this.database.inTransaction) return undefined;
    this.#dataVersion ??= this.database.prepare("PRAGMA data_version").pluck();
    return `${this.#dataVersion.get()}:${this.#tableWrites.writesTo(table)}`;
  }

  /** Waits for the connection, then holds it until `release`. */
  async acquire(): Promise<void> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#held = true;
    if (performance.now() - this.#lastTurn >= MAX_QUERY_RUN_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      this.#lastTurn = performance.now();
    }
  }

  /** Hands the connection to the next waiting user, if any. */
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }

  /** Runs a query on the connection, which the caller holds (inside a transaction). */
  run<Row>(query: CompiledQuery<Row>): QueryResult<Row> {
    const statement = this.database.prepare(query.sql);
    if (statement.reader) return { rows: statement.all(query.parameters) as Row[] };
    const { changes, lastInsertRowid } = statement.run(query.parameters);
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  }

  /** Runs a query once the connection is free (outside a transaction). */
  async runAlone<Row>(query: CompiledQuery<Row>): Promise<QueryResult<Row>> {
    await this.acquire();
    try {
      return this.run(query);
    } finally {
      this.release();
    }
  }
}
