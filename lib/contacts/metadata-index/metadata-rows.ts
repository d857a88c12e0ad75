import type { Store } from "../../db/client";
import type { RowTuples } from "../../db/row-tuples";
import type { ContactMetadataRow } from "../../db/schema";
import { metadataIndexEntries } from "../metadata-fold";

// How each backend finds one contact's metadata index entries (contact_metadata) to write them:
// PostgreSQL through an index on (workspace, contact id); SQLite by the rows' places in the table
// itself (sqlite-metadata-rows.ts), which spares that index. Filters read the entries by key and
// value the same way on both (lib/contacts/metadata-repository.ts).

type Metadata = Readonly<Record<string, string | number | boolean>>;

/** A key of a contact's metadata as stored, with its value folded (lib/contacts/metadata-fold.ts). */
export type MetadataEntry = [key: string, foldedValue: string];

/** The columns of contact_metadata, in the order of metadataIndexTuples. */
export const METADATA_INDEX_COLUMNS = ["workspace_id", "contact_id", "key", "folded_value"] as const satisfies readonly (keyof ContactMetadataRow)[];

/** The index rows of a contact's metadata, given parsed, as tuples of METADATA_INDEX_COLUMNS. */
export function metadataIndexTuples(workspaceId: string, contactId: string, metadata: Metadata): unknown[][] {
  return metadataIndexEntries(metadata).map(([key, foldedValue]) => [workspaceId, contactId, key, foldedValue]);
}

/** A change to some keys of one contact's entries; no key is named twice. */
export interface MetadataEntryChanges {
  /** Keys that keep their entry, with their new folded values. */
  revalued: MetadataEntry[];
  /** Keys whose entry goes. */
  removed: string[];
  /** Keys that had no entry. */
  added: MetadataEntry[];
}

export interface ContactMetadataRows {
  /** Writes the entries of contacts just inserted: tuples of METADATA_INDEX_COLUMNS, each contact's together, in its metadata's order. */
  insertOfNewContacts(store: Store, entries: RowTuples<ContactMetadataRow>): Promise<void>;
  /** Replaces all of one contact's entries. */
  replace(store: Store, workspaceId: string, contactId: string, entries: readonly MetadataEntry[]): Promise<void>;
  /** Rewrites the entries of the keys a change named, and only those. */
  change(store: Store, workspaceId: string, contactId: string, changes: MetadataEntryChanges): Promise<void>;
  /** Removes all of a contact's entries. Run it while the contact's own row is still there. */
  forget(store: Store, workspaceId: string, contactId: string): Promise<void>;
}
