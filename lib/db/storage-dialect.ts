import type { RawBuilder, SelectQueryBuilder, SqlBool } from "kysely";
import type { ContactMetadataRows } from "../contacts/metadata-index/metadata-rows";
import type { ContactSearch } from "../contacts/search/contact-search";
import type { Db, Store } from "./client";
import type { AnyRowTuples } from "./row-tuples";
import type { ContactMetadataRow, Database, NewContactRow, NewConversationRow } from "./schema";
import type { InsertedRowids } from "./sqlite/insert-rows-unbuilt";

// Where SQLite and PostgreSQL differ, as one object per backend (modelled on Kysely's own
// DialectAdapter): openStore picks it once, and callers ask it instead of testing a backend name.

export type StorageName = "sqlite" | "postgres";

export type BulkTable = "contacts" | "conversations" | "contact_metadata";
export type BulkRow = NewContactRow | NewConversationRow | ContactMetadataRow;

/** A secondary index as its CREATE statement, to be dropped and rebuilt around a bulk load. */
export interface IndexDefinition {
  name: string;
  definition: string;
}

export interface StorageDialect {
  /** For logs and tests only: behaviour comes from the methods. */
  readonly name: StorageName;
  /** Where server processes count rate limits: in this database (shared) or each in its own memory. */
  readonly rateLimitStore: "database" | "memory";
  /** How contacts are searched and paged on this backend. */
  readonly contactSearch: ContactSearch;
  /** How a contact's metadata index entries are found and written on this backend. */
  readonly contactMetadata: ContactMetadataRows;

  /**
   * Runs `work` in a transaction that holds the write lock from its first statement, so a
   * read-modify-write never loses an update to a concurrent writer (another request or process).
   */
  writeTransaction<T>(store: Store, work: (tx: Store) => Promise<T>): Promise<T>;
  /** Locks the selected rows until the transaction ends, where the write lock does not already. */
  forUpdate<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** Locks the selected rows, passing over those another transaction has locked (a work queue's claim). */
  skipLocked<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /**
   * The rows a subquery selects as the text of a JSON array (`[]` when none): one object per row,
   * keyed by the selected names, in the subquery's order. Lets one query answer with a parent row
   * and its children, spliced into the answer's JSON unparsed.
   */
  jsonArrayText<O>(rows: SelectQueryBuilder<Database, keyof Database, O>): RawBuilder<string>;
  /** A text column's value as JSON text, exactly as JSON.stringify writes it: a quoted string, or `null`. */
  jsonQuoted(column: string): RawBuilder<string>;
  /**
   * `expression is false`, written so that the planner takes it as an equality on an index over
   * the expression (PostgreSQL rewrites `(x is null) = false` to `x is not null`, SQLite needs `= 0`).
   */
  indexedIsFalse(expression: RawBuilder<boolean>): RawBuilder<SqlBool>;
  /** A text column to sort by in byte order, as SQLite does, whatever the database's collation. */
  byteOrder(column: string): RawBuilder<string>;

  /**
   * Keeps a statement the application compiled once (lib/db/prepared-query.ts) prepared on each
   * connection: PostgreSQL would otherwise parse and plan it on every run; SQLite's statement cache
   * keeps every text already.
   */
  keepPrepared(sql: string): void;

  /** Inserts rows as given, in as few statements as the backend's parameter limits allow. */
  insertRows(db: Db, table: BulkTable, rows: readonly BulkRow[]): Promise<void>;
  /** insertRows for rows given as tuples (lib/db/row-tuples.ts). */
  insertRowTuples(db: Db, table: BulkTable, rows: AnyRowTuples): Promise<void>;
  /** The secondary indexes of `tables` that a bulk load may drop (constraint indexes stay). */
  secondaryIndexes(tx: Db, tables: readonly string[]): Promise<IndexDefinition[]>;
  /**
   * Runs a load into empty tables (`load` begins its own transaction, and calls checkLoadedRows
   * before it commits) with the settings that write it fastest while keeping it all or nothing.
   */
  withBulkLoadSettings<T>(store: Store, load: () => Promise<T>): Promise<T>;
  /** Fails a bulk load whose rows break a constraint that withBulkLoadSettings left unchecked row by row. */
  checkLoadedRows(tx: Db, tables: readonly string[]): Promise<void>;
  /** Runs `build` (rebuilding indexes after a bulk load) with the settings that build them fastest. */
  withIndexBuildSettings<T>(tx: Db, build: () => Promise<T>): Promise<T>;
  /**
   * Writes the metadata index entries (contact_metadata) of the contacts one statement of a load
   * into empty tables inserted (ContactSearch.insertContactsIntoEmptyTables), where the backend
   * can fold the values itself; where it is absent, the load inserts the entries the application
   * folded with each batch.
   */
  indexMetadataOfInsertedContacts?(tx: Db, rowids: InsertedRowids): Promise<void>;
  /** Brings the planner's statistics up to date after a bulk load of `rowsLoaded` rows. */
  refreshStatisticsAfterBulkLoad(db: Db, rowsLoaded: number): Promise<void>;

  /** A date as better-auth stores it on this backend. */
  authDate(date: Date): Date | string;
  /** A boolean as better-auth stores it on this backend. */
  authBoolean(value: boolean): boolean | number;
}
