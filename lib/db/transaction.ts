import type { SelectQueryBuilder } from "kysely";
import type { Store } from "./client";

/**
 * Runs `work` in a transaction that holds the write lock from its first statement, so a
 * read-modify-write never loses an update to a concurrent writer (another request or process).
 * `work` gets the store bound to the transaction.
 */
export async function writeTransaction<T>(store: Store, work: (tx: Store) => Promise<T>): Promise<T> {
  return store.dialect.writeTransaction(store, work);
}

/** Locks the selected rows until the transaction ends (PostgreSQL); SQLite already holds the write lock. */
export function forUpdate<DB, TB extends keyof DB, O>(
  store: Store,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return store.dialect.forUpdate(query);
}
