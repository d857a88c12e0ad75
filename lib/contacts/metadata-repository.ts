import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { QueryScope, Store } from "../db/client";
import { preparedQueryByShape } from "../db/prepared-query";
import type { ContactMetadataRow } from "../db/schema";
import { foldedMetadataValue, metadataIndexEntries, storable } from "./metadata-fold";
import { escapeLikePattern } from "./search/like-matches";
import { sortKeyOf } from "./sort-key";

// Each key of a contact's metadata as a row of contact_metadata (migration 20261204060000), its value
// folded like the sort keys, so that filters by metadata read an index instead of every contact's
// JSON. Written with the contact, in its transaction, by the functions below and nothing else.

/** How a metadata filter compares: the key is there, its value equals, or its value contains. */
export type MetadataMatch = "has" | "equals" | "contains";

export interface MetadataFilter {
  key: string;
  match: MetadataMatch;
  /** Given for `equals` and `contains`. */
  value?: string;
}

/** The index holds this many characters (code points, as SQL counts them) of a value: PostgreSQL caps the size of an index entry. */
// A literal in the SQL, as in the index: a bound parameter would not match the indexed expression.
const INDEXED_PREFIX = 200;

/** The columns of contact_metadata, in the order of metadataIndexTuples. */
export const METADATA_INDEX_COLUMNS = ["workspace_id", "contact_id", "key", "folded_value"] as const satisfies readonly (keyof ContactMetadataRow)[];

/** The index rows of a contact's metadata, given parsed, as tuples of METADATA_INDEX_COLUMNS. */
export function metadataIndexTuples(workspaceId: string, contactId: string, metadata: Readonly<Metadata>): unknown[][] {
  return metadataIndexEntries(metadata).map(([key, foldedValue]) => [workspaceId, contactId, key, foldedValue]);
}

/** A contact's metadata before a change and after it, parsed, and the keys the change named: every other key kept its value. */
export interface MetadataChange {
  previous: Readonly<Metadata>;
  current: Readonly<Metadata>;
  changedKeys: readonly string[];
}

/**
 * Indexes a contact's metadata anew after a change. Given the change, only the keys it named whose
 * value changed are rewritten: every index entry written is a page the commit writes out again.
 */
export async function reindexMetadata(store: Store, contact: { workspace_id: string; id: string; metadata: string }, change?: MetadataChange): Promise<void> {
  const current = change?.current ?? (JSON.parse(contact.metadata) as Metadata);
  if (!change || storedAlike(current) || storedAlike(change.previous)) {
    await forgetMetadata(store, contact.workspace_id, contact.id);
    const values = metadataIndexTuples(contact.workspace_id, contact.id, current);
    await store.dialect.insertRowTuples(store.db, "contact_metadata", { columns: METADATA_INDEX_COLUMNS, values });
    return;
  }
  const stale: string[] = [];
  const fresh: unknown[][] = [];
  const { previous } = change;
  for (const key of new Set(change.changedKeys)) {
    // The same value again (a client resending what it has) folds alike: no folding needed.
    if (Object.hasOwn(previous, key) && Object.hasOwn(current, key) && previous[key] === current[key]) continue;
    const before = Object.hasOwn(previous, key) ? foldedMetadataValue(previous[key]!) : undefined;
    const after = Object.hasOwn(current, key) ? foldedMetadataValue(current[key]!) : undefined;
    if (before === after) continue;
    if (before !== undefined) stale.push(storable(key));
    if (after !== undefined) fresh.push([contact.workspace_id, contact.id, storable(key), after]);
  }
  if (stale.length > 0) await deleteStaleMetadata(store, contact.workspace_id, contact.id, stale);
  if (fresh.length > 0) await store.dialect.insertRowTuples(store.db, "contact_metadata", { columns: METADATA_INDEX_COLUMNS, values: fresh });
}

type Metadata = Record<string, string | number | boolean>;

/** Whether two keys are stored alike (U+0000 against U+FFFD), which only a full reindex keeps apart. */
function storedAlike(metadata: Metadata): boolean {
  const keys = Object.keys(metadata);
  return new Set(keys.map(storable)).size !== keys.length;
}

/** Deletes the index rows of some of a contact's keys (the storage tests read its plan). */
export function staleMetadataDeletion(store: QueryScope, workspaceId: string, contactId: string, keys: readonly string[]) {
  return (
    store.db
      .deleteFrom("contact_metadata")
      .where("workspace_id", "=", workspaceId)
      .where("contact_id", "=", contactId)
      // `key || ''`, not `key`: a condition on the bare key leads SQLite to the (workspace, key)
      // index, every contact's entry for that key, instead of this contact's few rows.
      .where(sql<string>`key || ''`, "in", keys)
  );
}

// Compiled once per number of keys (a contact has at most 50): a PATCH runs it.
const staleMetadataDeletionOfCount = preparedQueryByShape<number, Record<string, string>, never>((db, value, dialect, count) =>
  staleMetadataDeletion({ db, dialect }, value("workspaceId"), value("contactId"), Array.from({ length: count }, (_, i) => value(`key${i}`))),
);

async function deleteStaleMetadata(store: Store, workspaceId: string, contactId: string, keys: readonly string[]): Promise<void> {
  const values: Record<string, string> = { workspaceId, contactId };
  keys.forEach((key, i) => (values[`key${i}`] = key));
  await staleMetadataDeletionOfCount(store, String(keys.length), keys.length, values);
}

export async function forgetMetadata(store: Store, workspaceId: string, contactId: string): Promise<void> {
  await store.db.deleteFrom("contact_metadata").where("workspace_id", "=", workspaceId).where("contact_id", "=", contactId).execute();
}

/** Contacts whose metadata passes the filter, as a condition on `contacts`. */
export function metadataCondition(workspaceId: string, filter: MetadataFilter): RawBuilder<SqlBool> {
  const value = filter.value === undefined ? "" : sortKeyOf(filter.value);
  const comparison =
    filter.match === "equals"
      ? sql`and substr(folded_value, 1, ${sql.lit(INDEXED_PREFIX)}) = ${[...value].slice(0, INDEXED_PREFIX).join("")} and folded_value = ${value}`
      : filter.match === "contains"
        ? sql`and folded_value like ${`%${escapeLikePattern(value)}%`} escape '\\'`
        : sql``;
  return sql<SqlBool>`contacts.id in (select contact_id from contact_metadata
    where workspace_id = ${workspaceId} and key = ${filter.key} ${comparison})`;
}
