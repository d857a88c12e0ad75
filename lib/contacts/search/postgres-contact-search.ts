import { sql, type SqlBool } from "kysely";
import { insertTuplesWithUnnest } from "../../db/postgres/insert-with-unnest";
import type { ContactSearch } from "./contact-search";
import { likeMatches } from "./like-matches";
import { countSearchMatches } from "./postgres-search-count";

// PostgreSQL: ILIKE on name and email. A page walks the contacts sort index checking rows until it
// is full (or, for a rare term, its planner takes the trigram indexes instead). The total is
// counted in contact_search and contact_search_domains, which triggers keep in step with contacts
// (postgres-search-count.ts).

export const postgresContactSearch: ContactSearch = {
  condition: (_workspaceId, term) => sql<SqlBool>`(${likeMatches("ilike", "contacts", [term])})`,
  countMatchesFromIndex: countSearchMatches,
  // The planner tells few matches from many itself.
  fewMatches: () => false,
  /**
   * PostgreSQL reads the table row of every row it skips on the way to an offset (measured at 1M
   * contacts, name-sorted at offset 5,000: 5,100 heap rows per request).
   */
  pageKeysFirst: (offset) => offset > 0,
  // Triggers enter the rows in contact_search, in the same statement.
  insertSearchableContacts: (db, rows) => insertTuplesWithUnnest(db, "contacts", rows),
  // The contacts' trigram indexes are secondary indexes, rebuilt by the bulk load itself
  // (lib/db/bulk-load.ts), and contact_search is filled by its insert trigger as the rows go in.
  insertContactsIntoEmptyTables: (db, rows) => insertTuplesWithUnnest(db, "contacts", rows),
};
