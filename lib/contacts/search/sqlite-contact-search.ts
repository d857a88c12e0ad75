import { CompiledQuery, sql, type SqlBool } from "kysely";
import { insertTuplesUnbuilt, type InsertedRowids } from "../../db/sqlite/insert-rows-unbuilt";
import type { Db } from "../../db/client";
import type { ContactSearch } from "./contact-search";
import { likeMatches } from "./like-matches";
import { sqliteCaseVariants } from "./sqlite-case-variants";

// SQLite: an FTS5 trigram index (contacts_search) for terms of 3+ characters, LIKE for shorter
// ones; SQLite cannot tell few matches from many itself, so the count decides the plan.

/** Shortest search term served by the trigram index; shorter terms fall back to a scan. */
export const TRIGRAM_MIN_LENGTH = 3;

const ASCII = /^[\x00-\x7f]*$/;
const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;
const sqliteLikeMatches = (table: string, term: string) => likeMatches("like", table, sqliteCaseVariants(term));
const FEW_MATCHES = 5_000;
const INDEX_INSERTED_CONTACTS = "insert into contacts_search(rowid, name, email) select seq, name, email from contacts where seq between ? and ?";

/** Enters one statement's rows in the search index, by their rowids (consecutive in one INSERT). */
async function indexInserted(db: Db, { first, last }: InsertedRowids): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(INDEX_INSERTED_CONTACTS, [first, last]));
}

export const sqliteContactSearch: ContactSearch = {
  condition(workspaceId, term, plan, { besideMetadataFilter = false } = {}) {
    // Beside a metadata filter's `contacts.id in (…)`, SQLite would look up every pair of an id and a
    // matching seq in the (workspace_id, id) index, whose entries end in the rowid: 7,000 contacts
    // matching both took 11 s. Unary `+` leaves the matches as a set the metadata filter's rows are checked against.
    const seq = besideMetadataFilter ? sql`+contacts.seq` : sql`contacts.seq`;
    // SQLite's LIKE folds ASCII case only, where the trigram index folds every letter: a term with
    // other letters is always matched through the index.
    const walkable = plan === "many" && ASCII.test(term);
    if ([...term].length >= TRIGRAM_MIN_LENGTH && !walkable) {
      // An FTS5 phrase of trigrams is an exact substring match; `%`, `_` and `\` have no meaning in it.
      return sql<SqlBool>`${seq} in (select rowid from contacts_search where contacts_search match ${ftsPhrase(term)})`;
    }
    if (plan !== "few") return sql<SqlBool>`(${sqliteLikeMatches("contacts", term)})`;
    // Few matches of a short term: found on the (workspace_id, name, email) index without reading a row, then sorted.
    return sql<SqlBool>`${seq} in (select matching.seq from contacts as matching indexed by contacts_name_email
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

  // SQLite's trigram index is fed once per statement: one statement's rows have consecutive `seq`
  // values, so a range names exactly them.
  insertSearchableContacts: (db, rows) => insertTuplesUnbuilt(db, "contacts", rows, { afterChunk: (rowids) => indexInserted(db, rowids) }),
  // Fed per statement here too, not rebuilt once at the end: an import's inserts wait for the
  // worker that prepares its rows, and the index is fed while they wait (measured at 1M contacts:
  // 44.3 and 44.6 s, against 49.1 and 49.8 s with the rebuild, 7.6 s of it).
  insertContactsIntoEmptyTables: (db, rows, afterStatement) =>
    insertTuplesUnbuilt(db, "contacts", rows, {
      onConstraintFailure: "fail",
      afterChunk: async (rowids) => {
        await indexInserted(db, rowids);
        await afterStatement?.(rowids);
      },
    }),
};
