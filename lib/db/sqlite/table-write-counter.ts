import type SQLite from "better-sqlite3";

// Writes to a table on one SQLite connection, counted by temporary triggers: they belong to that
// connection alone and live in no file, and they see every way a row can change (Kysely's queries,
// raw SQL, foreign-key cascades), so no code that writes the table has to remember to report it.
// SQLite matches a temporary trigger to its table by name whenever it prepares a statement, so a
// table that another connection drops and makes again keeps them. Only dropping the table on this
// connection would remove them, and this connection's own schema changes (its migrations) come
// before anything counts.

const COUNT_WRITE = "nexvio_count_write";
const EVENTS = ["insert", "update", "delete"] as const;
const TABLE_NAME = /^[a-z_]+$/;

export class TableWriteCounter {
  readonly #writes = new Map<string, number>();

  constructor(private readonly database: SQLite.Database) {
    database.function(COUNT_WRITE, (table: unknown) => {
      const name = String(table);
      this.#writes.set(name, (this.#writes.get(name) ?? 0) + 1);
      return null;
    });
  }

  /** Rows of `table` written on this connection since it was first asked about, rolled back or not. */
  writesTo(table: string): number {
    const writes = this.#writes.get(table);
    if (writes !== undefined) return writes;
    if (!TABLE_NAME.test(table)) throw new Error(`Not a table name this counter watches: ${table}`);
    for (const event of EVENTS) {
      this.database.exec(`create temp trigger if not exists nexvio_count_${table}_${event} after ${event} on main.${table} begin select ${COUNT_WRITE}('${table}'); end`);
    }
    this.#writes.set(table, 0);
    return 0;
  }
}
