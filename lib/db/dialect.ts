import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import type { Db } from "./client";
import { insertChunks } from "./insert-chunks";
import { insertWithUnnest } from "./postgres/insert-with-unnest";
import type { NewContactRow } from "./schema";

// How contacts are searched on each backend: the expressions that cannot be written once. Each
// backend's StorageDialect carries its ContactSearch.

/** Shortest search term served by the trigram index; shorter terms fall back to a scan. */
export const TRIGRAM_MIN_LENGTH = 3;

export function escapeLikePattern(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * SQLite's LIKE folds ASCII letters only, so a term too short for the trigram index is also tried
 * with each non-ASCII letter in its other case: `ån` then finds `Ångström` as `ång` does.
 */
function sqliteCaseVariants(term: string): string[] {
  let variants = [""];
  for (const char of term) {
    const forms =
      (char.codePointAt(0) ?? 0) < 0x80
        ? [char]
        : [...new Set([char, char.toLowerCase(), char.toUpperCase()])].filter((form) => [...form].length === 1);
    variants = variants.flatMap((prefix) => forms.map((form) => prefix + form));
  }
  return variants;
}

/**
 * How a search reads its matches: `count` them all, fetch `few` and sort them, or check `many`
 * row by row while walking a sort index until a page is full (the page needs only its rows).
 */
export type SearchPlan = "count" | "few" | "many";

export interface ContactSearch {
  /** Case-insensitive substring match of `term` on a contact's name or email. */
  condition(workspaceId: string, term: string, plan: SearchPlan): Expression<SqlBool>;
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
  insertSearchableContacts(db: Db, rows: readonly NewContactRow[]): Promise<void>;
}

const ASCII = /^[\x00-\x7f]*$/;
const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** `name` or `email` of `table` matches one of the spellings, with `like` or `ilike`. */
function likeMatches(like: "like" | "ilike", table: string, spellings: readonly string[]): RawBuilder<SqlBool> {
  return sql.join(
    spellings.flatMap((spelling) => {
      const pattern = `%${escapeLikePattern(spelling)}%`;
      return [
        sql`${sql.ref(`${table}.name`)} ${sql.raw(like)} ${pattern} escape '\\'`,
        sql`${sql.ref(`${table}.email`)} ${sql.raw(like)} ${pattern} escape '\\'`,
      ];
    }),
    sql` or `,
  );
}

const sqliteLikeMatches = (table: string, term: string) => likeMatches("like", table, sqliteCaseVariants(term));
const FEW_MATCHES = 5_000;

export const sqliteContactSearch: ContactSearch = {
  condition(workspaceId, term, plan) {
    // SQLite's LIKE folds ASCII case only, where the trigram index folds every letter: a term with
    // other letters is always matched through the index.
    const walkable = plan === "many" && ASCII.test(term);
    if ([...term].length >= TRIGRAM_MIN_LENGTH && !walkable) {
      // An FTS5 phrase of trigrams is an exact substring match; `%`, `_` and `\` have no meaning in it.
      return sql<SqlBool>`contacts.seq in (select rowid from contacts_search where contacts_search match ${ftsPhrase(term)})`;
    }
    if (plan !== "few") return sql<SqlBool>`(${sqliteLikeMatches("contacts", term)})`;
    // Few matches of a short term: found on the (workspace_id, name, email) index without reading a row, then sorted.
    return sql<SqlBool>`contacts.seq in (select matching.seq from contacts as matching indexed by contacts_name_email
    where matching.workspace_id = ${workspaceId} and (${sqliteLikeMatches("matching", term)}))`;
  },

  /**
   * Counts a workspace's matches from an index alone where it can, without checking each match
   * against the workspace: a term too short for the trigram index off the (workspace_id, name,
   * email) index (measured 2× faster than through the match set), and a longer term off the
   * trigram index when no other workspace has contacts (measured at 1M contacts and 82k matches:
   * 24 ms, against 155 ms checking each match's workspace). Undefined where neither applies.
   */
  async countMatchesFromIndex(db, workspaceId, term) {
    if ([...term].length < TRIGRAM_MIN_LENGTH) {
      const { rows } = await sql<{ matches: number }>`select count(*) as matches from contacts indexed by contacts_name_email
      where workspace_id = ${workspaceId} and (${sqliteLikeMatches("contacts", term)})`.execute(db);
      return Number(rows[0].matches);
    }
    // One statement, so the check and the count see the same snapshot.
    const { rows } = await sql<{ matches: number | null }>`select case
      when exists (select 1 from contact_counts where workspace_id <> ${workspaceId} and contacts > 0) then null
      else (select count(*) from contacts_search where contacts_search match ${ftsPhrase(term)}) end as matches`.execute(db);
    return rows[0].matches === null ? undefined : Number(rows[0].matches);
  },

  // SQLite cannot tell few matches from many itself.
  fewMatches: (matches) => matches <= FEW_MATCHES,
  // SQLite's index walk skips rows on the way to an offset without reading them.
  pageKeysFirst: () => false,

  /**
   * SQLite's trigram index is fed here once per statement: one statement's rows have consecutive
   * `seq` values, so a range names exactly them.
   */
  async insertSearchableContacts(db, rows) {
    for (const chunk of insertChunks(rows)) {
      const seqs = (await db.insertInto("contacts").values(chunk).returning("seq").execute()).map((row) => row.seq);
      await sql`insert into contacts_search(rowid, name, email)
      select seq, name, email from contacts where seq between ${Math.min(...seqs)} and ${Math.max(...seqs)}`.execute(db);
    }
  },
};

export const postgresContactSearch: ContactSearch = {
  condition: (_workspaceId, term) => sql<SqlBool>`(${likeMatches("ilike", "contacts", [term])})`,
  countMatchesFromIndex: async () => undefined,
  // PostgreSQL's planner tells few matches from many itself, from its statistics.
  fewMatches: () => false,
  /**
   * PostgreSQL reads the table row of every row it skips on the way to an offset (measured at 1M
   * contacts, name-sorted at offset 5,000: 5,100 heap rows per request).
   */
  pageKeysFirst: (offset) => offset > 0,
  // The GIN trigram indexes keep themselves.
  insertSearchableContacts: (db, rows) => insertWithUnnest(db, "contacts", rows),
};

/** A sort key SQLite cannot serve from an index (unary `+`), so it sorts the rows it matched instead. */
export function unindexedSortKey(column: "created_at" | "name" | "email"): RawBuilder<string> {
  return sql<string>`+${sql.ref(`contacts.${column}`)}`;
}
