import type SQLite from "better-sqlite3";

// Writes to a table on one SQLite connection, counted by temporary triggers: they belong to that
// connection alone and live in no file, and they see every way a row can change (Kysely's queries,
// raw SQL, foreign-key cascades), so no code that writes the table has to remember to report it.

const COUNT_WRITE = "nexvio_count_write";
const EVENTS = ["insert", "update", "delete"] as const;
const TABLE_NAME = /^[a-z_]+$/;

export class TableWriteCounter {
  readonly #writes = new Map<string, number>();
  /** The main schema's version when each table's triggers were made: a table made again has lost them. */
  readonly #madeAtSchema = new Map<string, unknown>();
  #schemaVersion?: SQLite.Statement;

  constructor(private readonly database: SQLite.Database) {
    database.function(COUNT_WRITE, (table: unknown) => {
      const name = String(table);
      this.#writes.set(name, (this.#writes.get(name) ?? 0) + 1);
      return null;
    });
  }

  /**
   * Counts the writes to `table` from now on. Call it again whenever another connection may have
   * changed the schema: a table dropped and made again has lost its triggers, which are then made
   * again (this connection's own schema changes, its migrations, come before anything watches).
   */
  watch(table: string): void {
    if (!TABLE_NAME.test(table)) throw new Error(`Not a table name this counter watches: ${table}`);
    this.#schemaVersion ??= this.database.prepare("pragma main.schema_version").pluck();
    const schemaVersion = this.#schemaVersion.get();
    if (this.#madeAtSchema.get(table) !== schemaVersion) {
      for (const event of EVENTS) {
        const trigger = `nexvio_count_${table}_${event}`;
        this.database.exec(`drop trigger if exists temp.${trigger}`);
        this.database.exec(`create temp trigger ${trigger} after ${event} on main.${table} begin select ${COUNT_WRITE}('${table}'); end`);
      }
      this.#madeAtSchema.set(table, schemaVersion);
      // Made anew, the triggers may have missed writes: count one, so no earlier reading stays current.
      this.#writes.set(table, (this.#writes.get(table) ?? 0) + 1);
    }
  }

  /** Rows of a watched table written on this connection since it was first watched, rolled back or not. */
  writesTo(table: string): number | undefined {
    return this.#writes.get(table);
  }
}
