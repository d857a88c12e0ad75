import { sql, type SelectQueryBuilder } from "kysely";
import type { Db, Store } from "./client";

/**
 * Runs `work` in a transaction that holds the write lock from its first statement, so a
 * read-modify-write never loses an update to a concurrent writer (another request or process).
 */
export async function writeTransaction<T>(store: Store, work: (tx: Db) => Promise<T>): Promise<T> {
  if (store.dialect === "postgres") return store.db.transaction().execute(work);
  return store.db.connection().execute(async (connection) => {
    // SQLite: `begin immediate` takes the write lock now (waiting up to busy_timeout), instead of
    // failing with SQLITE_BUSY when a deferred transaction later tries to upgrade its read lock.
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

/** Locks the selected rows until the transaction ends (PostgreSQL); SQLite already holds the write lock. */
export function forUpdate<DB, TB extends keyof DB, O>(
  store: Store,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return store.dialect === "postgres" ? query.forUpdate() : query;
}
