import type { ContactRow } from "../db/schema";

// How names and emails sort (CONTRACT.md, Listing contacts): by a folded key kept beside the value
// (migration 20261204000000), then the stored text, then the id. The key is written by the
// application because neither backend folds text alike (SQLite cannot normalize Unicode at all).

export type SortedTextColumn = "name" | "email";
export type SortKeyColumn = `${SortedTextColumn}_sort_key`;

/** The text after Unicode NFKD, with combining marks removed, lower-cased: `Émile` → `emile`. */
export function sortKeyOf(text: string): string;
export function sortKeyOf(text: string | null): string | null;
export function sortKeyOf(text: string | null): string | null {
  return text === null ? null : text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

export const sortKeyColumn = (column: SortedTextColumn): SortKeyColumn => `${column}_sort_key`;

/** The sort keys of the sorted columns that `columns` gives (all of them for a new contact, the changed ones for an update). */
export function sortKeyColumns(columns: Partial<Pick<ContactRow, SortedTextColumn>>): Partial<Pick<ContactRow, SortKeyColumn>> {
  const keys: Partial<Pick<ContactRow, SortKeyColumn>> = {};
  if (columns.name !== undefined) keys.name_sort_key = sortKeyOf(columns.name);
  if (columns.email !== undefined) keys.email_sort_key = sortKeyOf(columns.email);
  return keys;
}
