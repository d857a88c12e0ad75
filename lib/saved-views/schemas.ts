import { z } from "zod";
import { DEFAULT_VIEW, listViewQuery, parseListView } from "../contacts/list-view";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation/text";

// The saved view concept: a named contacts list (its query string), one staff user's, optionally
// shared with the workspace. The route handlers and the save form use these schemas. No server
// imports here.

export const SAVED_VIEW_NAME_MAX_LENGTH = 60;
export const SAVED_VIEW_QUERY_MAX_LENGTH = 2000;
/** How many views one staff user may keep: the sidebar lists them all. */
export const SAVED_VIEWS_PER_USER = 50;

/** The query string a view is saved with: the list's query without its page (a view starts on page 1). */
export function savedViewQueryOf(query: URLSearchParams): string {
  return listViewQuery({ ...parseListView(query), page: DEFAULT_VIEW.page }).replace(/^\?/, "");
}

const name = z
  .string({ error: "Enter a name for the view" })
  .trim()
  .min(1, "Enter a name for the view")
  .max(SAVED_VIEW_NAME_MAX_LENGTH, `Use at most ${SAVED_VIEW_NAME_MAX_LENGTH} characters`)
  .refine(isStorableText, STORABLE_TEXT_MESSAGE);

const QUERY_MESSAGE = "Must be a contacts list query as the dashboard writes it, e.g. search=ann&sort=name.asc (no page)";
const query = z
  .string({ error: QUERY_MESSAGE })
  .max(SAVED_VIEW_QUERY_MAX_LENGTH, `Must be at most ${SAVED_VIEW_QUERY_MAX_LENGTH} characters`)
  .refine((value) => savedViewQueryOf(new URLSearchParams(value)) === value, QUERY_MESSAGE);

const shared = z.boolean({ error: "Must be true or false" });

export const createSavedViewSchema = z.strictObject({ name, query, shared: shared.default(false) });

export const updateSavedViewSchema = z
  .strictObject({ name: name.optional(), query: query.optional(), shared: shared.optional() })
  .refine((change) => Object.keys(change).length > 0, "Give at least one of: name, query, shared");

export type CreateSavedViewInput = z.input<typeof createSavedViewSchema>;
export type UpdateSavedViewInput = z.infer<typeof updateSavedViewSchema>;

/** A view as the dashboard lists it. */
export interface SavedView {
  id: string;
  name: string;
  query: string;
  shared: boolean;
  /** Saved by the signed-in staff member (only they may change or delete it). */
  mine: boolean;
  ownerName: string;
  createdAt: string;
  updatedAt: string;
}
