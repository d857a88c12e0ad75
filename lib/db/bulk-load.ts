import { sql } from "kysely";
import type { Db, Store } from "./client";
import { writeTransaction } from "./transaction";

// A bulk load into empty tables builds their secondary indexes once, from sorted data, after the
// rows are in, instead of inserting every row into eight randomly keyed B-trees (measured at 1M
// contacts: those inserts outgrow the page cache and dominate the load). Primary keys and unique
// constraints stay, so every row is still checked as it arrives.

async function allEmpty(db: Db, tables: readonly string[]): Promise<boolean> {
  for (const table of tables) {
    const { rows } = await sql`select 1 from ${sql.table(table)} limit 1`.execute(db);
    if (rows.length > 0) return false;
  }
  return true;
}

/** Runs one batch of a bulk load in a transaction of its own, or in the one the whole load shares. */
export type BatchWriter = <T>(work: (tx: Store) => Promise<T>) => Promise<T>;

/**
 * Whether the tables were empty when the load began: then every batch shares one transaction,
 * with the tables' secondary indexes dropped until the load's rows are in.
 */
export type LoadPath = "into-empty-tables" | "beside-existing-rows";

/**
 * Runs a bulk load into `tables`, handing `load` the writer for its batches. Into empty tables it
 * is one transaction with the indexes built at the end (see withIndexesBuiltAfterLoad), under the
 * backend's bulk-load settings (StorageDialect.withBulkLoadSettings); the caller owns the store's
 * connection meanwhile (the CLI's seed and import). Beside existing rows each batch is a
 * transaction of its own, so other writers (the server) wait for one batch at most, and the
 * indexes serve them throughout.
 */
export async function bulkLoad<T>(
  store: Store,
  tables: readonly string[],
  load: (writeBatch: BatchWriter, path: LoadPath) => Promise<T>,
): Promise<T> {
  if (!(await allEmpty(store.db, tables))) return load((work) => writeTransaction(store, work), "beside-existing-rows");
  return store.dialect.withBulkLoadSettings(store, () =>
    writeTransaction(store, (tx) => withIndexesBuiltAfterLoad(tx, tables, () => load((work) => work(tx), "into-empty-tables"))),
  );
}

/**
 * Runs `load` inside the caller's transaction with the secondary indexes of `tables` dropped,
 * then recreates them exactly as they were. The transaction makes it all or nothing: should the
 * load fail or the process die, the tables and their indexes are as before.
 */
async function withIndexesBuiltAfterLoad<T>({ db, dialect }: Store, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const indexes = await dialect.secondaryIndexes(db, tables);
  for (const { name } of indexes) await sql`drop index ${sql.id(name)}`.execute(db);
  const result = await load();
  await dialect.checkLoadedRows(db, tables);
  await dialect.withIndexBuildSettings(db, async () => {
    for (const { definition } of indexes) await sql.raw(definition).execute(db);
  });
  return result;
}
