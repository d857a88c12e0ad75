import type { Db, Store } from "../client";
import { isSqliteBusy } from "./busy";
import { pragmaRows, pragmaValue } from "./pragma";

// How SQLite runs a load into empty tables (lib/db/bulk-load.ts), measured at 1M contacts.
//
// A rollback journal instead of the WAL: the load writes nearly every page of the database anew
// (1.6 GB). In WAL mode each page goes to the log first and into the file again at the checkpoint,
// and the pages the transaction spills are read back through the log (the commit alone took
// 8–15 s, the index builds a third longer). With a rollback journal the pages are written once,
// into the file, and the journal keeps only the few pages that existed before the load, so the
// load stays all or nothing. Leaving WAL mode needs the database to itself: when another
// connection has it open (a running server, its checkpoint worker) the load keeps the WAL. A
// connection opened during the load waits for it like any writer's, and finds WAL mode again
// when it ends (see openStore).
//
// Foreign keys checked once, before the commit (checkLoadedRows), instead of row by row: a
// statement that may fail on a foreign key partway makes SQLite copy every page it touches to a
// statement journal first, so that the statement alone can be undone (a quarter of the contacts'
// insert time). The load's inserts say `or fail` for the same reason (insertTuplesUnbuilt), and any
// failure undoes the whole load's transaction.
//
// Both are settings of the connection: the load's caller owns it meanwhile (the CLI's seed and
// import), as it already must for the indexes the load drops inside its transaction.

async function switchedToRollbackJournal({ db }: Store): Promise<boolean> {
  if ((await pragmaValue(db, "journal_mode")) !== "wal") return false;
  try {
    return (await pragmaValue(db, "journal_mode = delete")) === "delete";
  } catch (error) {
    if (isSqliteBusy(error)) return false;
    throw error;
  }
}

export async function withSqliteBulkLoadSettings<T>(store: Store, load: () => Promise<T>): Promise<T> {
  const rollbackJournal = await switchedToRollbackJournal(store);
  const foreignKeys = (await pragmaValue(store.db, "foreign_keys")) === 1;
  if (foreignKeys) await pragmaValue(store.db, "foreign_keys = off");
  try {
    return await load();
  } finally {
    if (foreignKeys) await pragmaValue(store.db, "foreign_keys = on");
    if (rollbackJournal) await pragmaValue(store.db, "journal_mode = wal");
  }
}

/** Fails the load when a loaded row names a parent row that does not exist. */
export async function checkForeignKeysOfLoadedRows(tx: Db, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const [violation] = await pragmaRows(tx, `foreign_key_check(${JSON.stringify(table)})`);
    if (violation) throw new Error(`a loaded row of ${table} (rowid ${violation.rowid}) names a ${violation.parent} row that does not exist`);
  }
}
