import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import type { Db } from "../../db/client";
import type { RowTuples } from "../../db/row-tuples";
import type { NewContactRow } from "../../db/schema";
import type { InsertedRowids } from "../../db/sqlite/insert-rows-unbuilt";

// How a contact search is planned and matched on one backend. Each backend's StorageDialect
// carries its ContactSearch (sqlite-contact-search.ts, postgres-contact-search.ts).

/**
 * How a search reads its matches: `count` them all, fetch `few` and sort them, or check `many`
 * row by row while walking a sort index until a page is full (the page needs only its rows).
 */
export type SearchPlan = "count" | "few" | "many";

/** What else filters the contacts a search condition is part of. */
export interface SearchContext {
  /** A metadata filter (`contacts.id in (…)`, lib/contacts/metadata-repository.ts) applies as well. */
  besideMetadataFilter?: boolean;
}

export interface ContactSearch {
  /** Case-insensitive substring match of `term` on a contact's name or email. */
  condition(workspaceId: string, term: string, plan: SearchPlan, context?: SearchContext): Expression<SqlBool>;
  /** The workspace's matches counted from an index alone, or undefined where the index cannot tell. */
  countMatchesFromIndex(db: Db, workspaceId: string, term: string): Promise<number | undefined>;
  /**
   * Whether a search with this many matches should sort its matches (few) rather than walk a sort
   * index until a page is full (many).
   */
  fewMatches(matches: number): boolean;
  /** Whether a page at this offset should take its ids from the sort index first and only then read those rows. */
  pageKeysFirst(offset: number): boolean;
  /**
   * Inserts contacts and enters them in the search index. The caller runs this in a write
   * transaction so that rows and index entries commit together.
   */
  insertSearchableContacts(db: Db, rows: RowTuples<NewContactRow>): Promise<void>;
  /**
   * insertSearchableContacts for a bulk load into tables that had no rows when the caller's
   * transaction began (lib/db/bulk-load.ts), whose failure undoes it all. Where the backend numbers
   * the rows of one statement consecutively (SQLite), `afterStatement` is called with each
   * statement's rowids; elsewhere it is never given (StorageDialect.indexMetadataOfInsertedContacts).
   */
  insertContactsIntoEmptyTables(db: Db, rows: RowTuples<NewContactRow>, afterStatement?: (rowids: InsertedRowids) => Promise<void>): Promise<void>;
}

/** A sort key SQLite cannot serve from an index (unary `+`), so it sorts the rows it matched instead. */
export function unindexedSortKey(column: string): RawBuilder<string> {
  return sql<string>`+${sql.ref(`contacts.${column}`)}`;
}
