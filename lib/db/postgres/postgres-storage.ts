import { sql, type SqlBool } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { postgresMetadataRows } from "../../contacts/metadata-index/postgres-metadata-rows";
import { postgresContactSearch } from "../../contacts/search/postgres-contact-search";
import type { IndexDefinition, StorageDialect } from "../storage-dialect";
import { insertTuplesWithUnnest, insertWithUnnest } from "./insert-with-unnest";
import { prepareOnEachConnection } from "./named-statements";

// PostgreSQL: row locks, byte-order collation on demand, and statistics the planner relies on.

export const postgresStorage: StorageDialect = {
  name: "postgres",
  // Several server processes share one database, and with it one budget per key.
  rateLimitStore: "database",
  contactSearch: postgresContactSearch,
  contactMetadata: postgresMetadataRows,

  writeTransaction: (store, work) => store.db.transaction().execute((db) => work({ db, dialect: store.dialect, run: (query) => db.executeQuery(query) })),
  forUpdate: (query) => query.forUpdate(),
  skipLocked: (query) => query.forUpdate().skipLocked(),
  // The database's collation may be en_US, which would put `Zoe` after `adam`.
  indexedIsFalse: (expression) => sql<SqlBool>`${expression} is false`,
  byteOrder: (column) => sql<string>`${sql.ref(column)} collate "C"`,
  // As text: the driver would parse json into objects only for the answer to stringify them again.
  jsonArrayText: (rows) => sql<string>`${jsonArrayFrom(rows)}::text`,
  jsonQuoted: (column) => sql<string>`coalesce(to_json(${sql.ref(column)})::text, 'null')`,

  keepPrepared: prepareOnEachConnection,
  insertRows: insertWithUnnest,
  insertRowTuples: insertTuplesWithUnnest,
  async secondaryIndexes(tx, tables) {
    const { rows } = await sql<IndexDefinition>`select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename in (${sql.join(tables)})
      and not exists (select 1 from pg_constraint
        where conindid = (quote_ident(schemaname) || '.' || quote_ident(indexname))::regclass)
    order by indexname`.execute(tx);
    return rows;
  },
  // One journal (the WAL) for every write, and constraints checked row by row as always.
  withBulkLoadSettings: (_store, load) => load(),
  checkLoadedRows: async () => {},
  async withIndexBuildSettings(tx, build) {
    // Sorts each index in memory up to this much, instead of merging runs from disk (until the transaction ends).
    await sql`set local maintenance_work_mem = '256MB'`.execute(tx);
    return build();
  },
  /**
   * After a bulk load, PostgreSQL needs fresh statistics to pick the sort and trigram indexes
   * (measured: an unanalyzed million-row table sorted by name at offset 5,000 took 8.5 s instead of
   * milliseconds) and a visibility map for index-only scans; autovacuum gets there only later.
   */
  async refreshStatisticsAfterBulkLoad(db, rowsLoaded) {
    // A small load changes no plan, and vacuuming every workspace's contacts for it would not pay.
    if (rowsLoaded < 10_000) return;
    await sql`vacuum (analyze) contacts, contact_search, contact_search_domains, contact_metadata, conversations, contact_counts`.execute(db);
  },

  // better-auth keeps native dates and booleans on PostgreSQL.
  authDate: (date) => date,
  authBoolean: (value) => value,
};
