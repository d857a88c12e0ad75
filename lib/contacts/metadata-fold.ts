import { sortKeyOf } from "./sort-key";

// A contact's metadata as its index entries (contact_metadata) hold it: each key with its value
// folded, so that the filters compare text without case or accents. No database here: the rows the
// application writes and the SQL function SQLite builds a bulk load's entries with both use it.

type Metadata = Readonly<Record<string, string | number | boolean>>;

/**
 * Metadata text as a column can hold it: PostgreSQL text cannot hold U+0000 (which metadata may,
 * inside its JSON). A filter cannot name U+0000 (lib/validation/text.ts), so nothing it matches changes.
 */
export const storable = (text: string) => text.replaceAll("\u0000", "\uFFFD");

/** A value as the filters compare it: text folded (case and accents ignored), numbers and booleans as their JSON text. */
export function foldedMetadataValue(value: string | number | boolean): string {
  return typeof value === "string" ? storable(sortKeyOf(value)) : JSON.stringify(value);
}

/** Each key of `metadata` as stored, with its folded value. */
export function metadataIndexEntries(metadata: Metadata): [key: string, foldedValue: string][] {
  return Object.entries(metadata).map(([key, value]) => [storable(key), foldedMetadataValue(value)]);
}

/**
 * metadataIndexEntries of a contact's stored metadata JSON, as JSON text (an array of pairs). A lone
 * surrogate becomes U+FFFD, as it does when the drivers write a string to a column.
 */
export function metadataIndexEntriesJson(metadataJson: string): string {
  const entries = metadataIndexEntries(JSON.parse(metadataJson) as Metadata);
  return JSON.stringify(entries.map(([key, folded]) => [key.toWellFormed(), folded.toWellFormed()]));
}
