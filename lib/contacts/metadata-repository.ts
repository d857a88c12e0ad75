import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { Store } from "../db/client";
import type { MetadataEntryChanges } from "./metadata-index/metadata-rows";
import { foldedMetadataValue, metadataIndexEntries, storable } from "./metadata-fold";
import { escapeLikePattern } from "./search/like-matches";
import { sortKeyOf } from "./sort-key";

// Each key of a contact's metadata as a row of contact_metadata (migration 20261204060000), its value
// folded like the sort keys, so that filters by metadata read an index instead of every contact's
// JSON. Written with the contact, in its transaction, by the functions below and nothing else,
// through the backend's ContactMetadataRows (lib/contacts/metadata-index/).

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
  const metadataRows = store.dialect.contactMetadata;
  const current = change?.current ?? (JSON.parse(contact.metadata) as Metadata);
  if (!change || storedAlike(current) || storedAlike(change.previous)) {
    await metadataRows.replace(store, contact.workspace_id, contact.id, metadataIndexEntries(current));
    return;
  }
  const changes: MetadataEntryChanges = { revalued: [], removed: [], added: [] };
  const { previous } = change;
  for (const key of new Set(change.changedKeys)) {
    // The same value again (a client resending what it has) folds alike: no folding needed.
    if (Object.hasOwn(previous, key) && Object.hasOwn(current, key) && previous[key] === current[key]) continue;
    const before = Object.hasOwn(previous, key) ? foldedMetadataValue(previous[key]!) : undefined;
    const after = Object.hasOwn(current, key) ? foldedMetadataValue(current[key]!) : undefined;
    if (before === after) continue;
    if (after === undefined) changes.removed.push(storable(key));
    else if (before === undefined) changes.added.push([storable(key), after]);
    else changes.revalued.push([storable(key), after]);
  }
  if (changes.removed.length + changes.added.length + changes.revalued.length > 0) {
    await metadataRows.change(store, contact.workspace_id, contact.id, changes);
  }
}

type Metadata = Record<string, string | number | boolean>;

/** Whether two keys are stored alike (U+0000 against U+FFFD), which only a full reindex keeps apart. */
function storedAlike(metadata: Metadata): boolean {
  const keys = Object.keys(metadata);
  return new Set(keys.map(storable)).size !== keys.length;
}

/** Removes a contact's index entries. Run it before the contact's own row is deleted. */
export async function forgetMetadata(store: Store, workspaceId: string, contactId: string): Promise<void> {
  await store.dialect.contactMetadata.forget(store, workspaceId, contactId);
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
