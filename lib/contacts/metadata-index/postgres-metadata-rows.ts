import { sql } from "kysely";
import type { QueryScope, Store } from "../../db/client";
import { preparedQueryByShape } from "../../db/prepared-query";
import { METADATA_INDEX_COLUMNS, type ContactMetadataRows, type MetadataEntry } from "./metadata-rows";

// PostgreSQL finds a contact's entries through contact_metadata_contact (workspace_id, contact_id).
// A changed key's entry is deleted and inserted again: an UPDATE writes a new row version anyway.

/** Deletes the entries of some of a contact's keys (the storage tests read its plan). */
export function keyedMetadataDeletion(store: QueryScope, workspaceId: string, contactId: string, keys: readonly string[]) {
  return (
    store.db
      .deleteFrom("contact_metadata")
      .where("workspace_id", "=", workspaceId)
      .where("contact_id", "=", contactId)
      // `key || ''`, not `key`: the contact's few rows, not every contact's entry for those keys
      // through the (workspace, key) index.
      .where(sql<string>`key || ''`, "in", keys)
  );
}

// Compiled once per number of keys (a contact has at most 50): a PATCH runs it.
const keyedMetadataDeletionOfCount = preparedQueryByShape<number, Record<string, string>, never>((db, value, dialect, count) =>
  keyedMetadataDeletion({ db, dialect }, value("workspaceId"), value("contactId"), Array.from({ length: count }, (_, i) => value(`key${i}`))),
);

async function deleteKeys(store: Store, workspaceId: string, contactId: string, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const values: Record<string, string> = { workspaceId, contactId };
  keys.forEach((key, i) => (values[`key${i}`] = key));
  await keyedMetadataDeletionOfCount(store, String(keys.length), keys.length, values);
}

async function insertEntries(store: Store, workspaceId: string, contactId: string, entries: readonly MetadataEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values = entries.map(([key, foldedValue]) => [workspaceId, contactId, key, foldedValue]);
  await store.dialect.insertRowTuples(store.db, "contact_metadata", { columns: METADATA_INDEX_COLUMNS, values });
}

async function forget(store: Store, workspaceId: string, contactId: string): Promise<void> {
  await store.db.deleteFrom("contact_metadata").where("workspace_id", "=", workspaceId).where("contact_id", "=", contactId).execute();
}

export const postgresMetadataRows: ContactMetadataRows = {
  insertOfNewContacts: (store, entries) => store.dialect.insertRowTuples(store.db, "contact_metadata", entries),
  async replace(store, workspaceId, contactId, entries) {
    await forget(store, workspaceId, contactId);
    await insertEntries(store, workspaceId, contactId, entries);
  },
  async change(store, workspaceId, contactId, { revalued, removed, added }) {
    await deleteKeys(store, workspaceId, contactId, [...removed, ...revalued.map(([key]) => key)]);
    await insertEntries(store, workspaceId, contactId, [...revalued, ...added]);
  },
  forget,
};
