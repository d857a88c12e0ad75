import { sql, type Expression, type RawBuilder, type Kysely, type SqlBool } from "kysely";
import { insertChunks } from "./insert-chunks";
import type { Database, NewContactRow, NewConversationRow } from "./schema";

// The one place where SQLite and PostgreSQL differ. Repositories ask this module for the few
// expressions that cannot be written once; everything else is plain Kysely.

export type DialectName = "sqlite" | "postgres";

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

const ASCII = /^[\x00-\x7f]*$/;

/** Case-insensitive substring match of `term` on a contact's name or email. */
export function contactSearchCondition(dialect: DialectName, workspaceId: string, term: string, plan: SearchPlan): Expression<SqlBool> {
  if (dialect === "postgres") return sql<SqlBool>`(${likeMatches(dialect, "contacts", term)})`;
  // SQLite's LIKE folds ASCII case only, where the trigram index folds every letter: a term with
  // other letters is always matched through the index.
  const walkable = plan === "many" && ASCII.test(term);
  if ([...term].length >= TRIGRAM_MIN_LENGTH && !walkable) {
    // An FTS5 phrase of trigrams is an exact substring match; `%`, `_` and `\` have no meaning in it.
    return sql<SqlBool>`contacts.seq in (select rowid from contacts_search where contacts_search match ${ftsPhrase(term)})`;
  }
  if (plan !== "few") return sql<SqlBool>`(${likeMatches(dialect, "contacts", term)})`;
  // Few matches of a short term: found on the (workspace_id, name, email) index without reading a row, then sorted.
  return sql<SqlBool>`contacts.seq in (select matching.seq from contacts as matching indexed by contacts_name_email
    where matching.workspace_id = ${workspaceId} and (${likeMatches(dialect, "matching", term)}))`;
}

const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;

function likeMatches(dialect: DialectName, table: string, term: string): RawBuilder<SqlBool> {
  const like = dialect === "postgres" ? sql.raw("ilike") : sql.raw("like");
  const spellings = dialect === "sqlite" ? sqliteCaseVariants(term) : [term];
  return sql.join(
    spellings.flatMap((spelling) => {
      const pattern = `%${escapeLikePattern(spelling)}%`;
      return [
        sql`${sql.ref(`${table}.name`)} ${like} ${pattern} escape '\\'`,
        sql`${sql.ref(`${table}.email`)} ${like} ${pattern} escape '\\'`,
      ];
    }),
    sql` or `,
  );
}

/**
 * SQLite counts a workspace's matches from an index alone where it can, without checking each
 * match against the workspace: a term too short for the trigram index off the (workspace_id,
 * name, email) index (measured 2× faster than through the match set), and a longer term off the
 * trigram index when no other workspace has contacts (measured at 1M contacts and 82k matches:
 * 24 ms, against 155 ms checking each match's workspace). Undefined where neither applies.
 */
export async function countMatchesFromIndex(db: Kysely<Database>, dialect: DialectName, workspaceId: string, term: string): Promise<number | undefined> {
  if (dialect !== "sqlite") return undefined;
  if ([...term].length < TRIGRAM_MIN_LENGTH) {
    const { rows } = await sql<{ matches: number }>`select count(*) as matches from contacts indexed by contacts_name_email
      where workspace_id = ${workspaceId} and (${likeMatches(dialect, "contacts", term)})`.execute(db);
    return Number(rows[0].matches);
  }
  // One statement, so the check and the count see the same snapshot.
  const { rows } = await sql<{ matches: number | null }>`select case
      when exists (select 1 from contact_counts where workspace_id <> ${workspaceId} and contacts > 0) then null
      else (select count(*) from contacts_search where contacts_search match ${ftsPhrase(term)}) end as matches`.execute(db);
  return rows[0].matches === null ? undefined : Number(rows[0].matches);
}

/**
 * Whether a search with this many matches should sort its matches (few) rather than walk a sort
 * index until a page is full (many). SQLite cannot tell the two apart itself; PostgreSQL's planner
 * can, from its statistics.
 */
export function fewSearchMatches(dialect: DialectName, matches: number): boolean {
  return dialect === "sqlite" && matches <= FEW_MATCHES;
}
const FEW_MATCHES = 5_000;

/**
 * Whether a page at this offset should take its ids from the sort index first and only then read
 * those rows. PostgreSQL reads the table row of every row it skips on the way to an offset
 * (measured at 1M contacts, name-sorted at offset 5,000: 5,100 heap rows per request); SQLite's
 * index walk skips rows without reading them.
 */
export function pageKeysFirst(dialect: DialectName, offset: number): boolean {
  return dialect === "postgres" && offset > 0;
}

/** A sort key SQLite cannot serve from an index (unary `+`), so it sorts the rows it matched instead. */
export function unindexedSortKey(column: "created_at" | "name" | "email"): RawBuilder<string> {
  return sql<string>`+${sql.ref(`contacts.${column}`)}`;
}

/** A text column to sort by in byte order, as SQLite does, whatever the PostgreSQL database's collation. */
export function byteOrder(dialect: DialectName, column: string): RawBuilder<string> {
  return dialect === "postgres" ? sql<string>`${sql.ref(column)} collate "C"` : sql<string>`${sql.ref(column)}`;
}

type BulkTable = "contacts" | "conversations";
type BulkRow = NewContactRow | NewConversationRow;
const POSTGRES_ROWS_PER_STATEMENT = 5_000;

/**
 * PostgreSQL: one `insert … select * from unnest(…)` per 5,000 rows, binding one array per column
 * instead of one parameter per value (measured ~30% faster than multi-row VALUES).
 */
async function insertWithUnnest(db: Kysely<Database>, table: BulkTable, rows: readonly BulkRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]) as (keyof BulkRow)[];
  const arrayType = (column: keyof BulkRow) =>
    rows.some((row) => typeof row[column] === "number") ? sql.raw("integer[]") : sql.raw("text[]");
  for (let start = 0; start < rows.length; start += POSTGRES_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + POSTGRES_ROWS_PER_STATEMENT);
    const arrays = columns.map((column) => sql`${chunk.map((row) => row[column] ?? null)}::${arrayType(column)}`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
      select * from unnest(${sql.join(arrays)})`.execute(db);
  }
}

/** Inserts rows as given, in as few statements as each dialect's parameter limits allow. */
export async function insertManyRows(db: Kysely<Database>, dialect: DialectName, table: BulkTable, rows: readonly BulkRow[]): Promise<void> {
  if (dialect === "postgres") return insertWithUnnest(db, table, rows);
  for (const chunk of insertChunks(rows)) await db.insertInto(table).values(chunk as never).execute();
}

/**
 * Inserts contacts and enters them in the search index. PostgreSQL's GIN indexes keep themselves;
 * SQLite's trigram index is fed here once per statement: one statement's rows have consecutive
 * `seq` values, so a range names exactly them. The caller runs this in a write transaction so that
 * rows and index entries commit together.
 */
export async function insertSearchableContacts(db: Kysely<Database>, dialect: DialectName, rows: readonly NewContactRow[]): Promise<void> {
  if (dialect === "postgres") return insertWithUnnest(db, "contacts", rows);
  for (const chunk of insertChunks(rows)) {
    const seqs = (await db.insertInto("contacts").values(chunk).returning("seq").execute()).map((row) => row.seq);
    await sql`insert into contacts_search(rowid, name, email)
      select seq, name, email from contacts where seq between ${Math.min(...seqs)} and ${Math.max(...seqs)}`.execute(db);
  }
}

/**
 * After a bulk load, PostgreSQL needs fresh statistics to pick the sort and trigram indexes
 * (measured: an unanalyzed million-row table sorted by name at offset 5,000 took 8.5 s instead of
 * milliseconds) and a visibility map for index-only scans; autovacuum gets there only later.
 */
export async function refreshStatisticsAfterBulkLoad(db: Kysely<Database>, dialect: DialectName, rowsLoaded: number): Promise<void> {
  // A small load changes no plan, and vacuuming every workspace's contacts for it would not pay.
  if (dialect !== "postgres" || rowsLoaded < 10_000) return;
  await sql`vacuum (analyze) contacts, conversations, contact_counts`.execute(db);
}
