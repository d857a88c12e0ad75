import { CompiledQuery, sql, type SqlBool } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/sqlite";
import { sqliteContactSearch } from "../../contacts/search/sqlite-contact-search";
import { indexMetadataOfInsertedContacts } from "../../contacts/metadata-index/sqlite-loaded-metadata-index";
import { sqliteMetadataRows } from "../../contacts/metadata-index/sqlite-metadata-rows";
import { insertRowsInChunks, insertTuplesUnbuilt } from "./insert-rows-unbuilt";
import { checkForeignKeysOfLoadedRows, withSqliteBulkLoadSettings } from "./bulk-load-settings";
import { withSorterThreads } from "./sorter-threads";
import type { IndexDefinition, StorageDialect } from "../storage-dialect";

// SQLite (better-sqlite3): one writer at a time, so transactions take the write lock up front.

// Compiled once: every write runs them.
const BEGIN_IMMEDIATE = CompiledQuery.raw("begin immediate");
const COMMIT = CompiledQuery.raw("commit");
const ROLLBACK = CompiledQuery.raw("rollback");

export const sqliteStorage: StorageDialect = {
  name: "sqlite",
  // The embedded default runs one server process.
  rateLimitStore: "memory",
  contactSearch: sqliteContactSearch,
  contactMetadata: sqliteMetadataRows,

  async writeTransaction(store, work) {
    // Only the store openStore made has it: a transaction's own store does not (no transaction inside another).
    if (!store.sqlite) throw new Error("A SQLite write transaction starts from the store openStore made, outside any transaction");
    const { session, transactionDb } = store.sqlite;
    const run = <Row>(query: CompiledQuery<Row>) => session.run(query);
    await session.acquire();
    try {
      // `begin immediate` takes the write lock now (waiting up to busy_timeout), instead of
      // failing with SQLITE_BUSY when a deferred transaction later tries to upgrade its read lock.
      run(BEGIN_IMMEDIATE);
      try {
        const result = await work({ db: transactionDb, dialect: store.dialect, run });
        run(COMMIT);
        return result;
      } catch (error) {
        run(ROLLBACK);
        throw error;
      }
    } finally {
      session.release();
    }
  },
  // The transaction already holds the write lock.
  forUpdate: (query) => query,
  indexedIsFalse: (expression) => sql<SqlBool>`${expression} = 0`,
  // One writer at a time: a claiming UPDATE cannot meet another's locked rows.
  skipLocked: (query) => query,
  byteOrder: (column) => sql<string>`${sql.ref(column)}`,
  // json_group_array gives text already.
  jsonArrayText: (rows) => sql<string>`${jsonArrayFrom(rows)}`,
  jsonQuoted: (column) => sql<string>`json_quote(${sql.ref(column)})`,

  keepPrepared: () => {},
  insertRows: (db, table, rows) => insertRowsInChunks(db, table, rows),
  insertRowTuples: (db, table, rows) => insertTuplesUnbuilt(db, table, rows),
  async secondaryIndexes(tx, tables) {
    // Indexes made by a constraint have no SQL text and cannot be dropped.
    const { rows } = await sql<IndexDefinition>`select name, sql as definition from sqlite_master
      where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)}) order by name`.execute(tx);
    return rows;
  },
  withBulkLoadSettings: withSqliteBulkLoadSettings,
  checkLoadedRows: checkForeignKeysOfLoadedRows,
  withIndexBuildSettings: withSorterThreads,
  indexMetadataOfInsertedContacts,
  refreshStatisticsAfterBulkLoad: async () => {},

  // better-auth keeps ISO text and 0/1 on SQLite.
  authDate: (date) => date.toISOString(),
  authBoolean: (value) => (value ? 1 : 0),
};
