import { listFilterQuery, NO_FILTERS, parseListFilters, writeListFilters, type ContactListFilters } from "./list-filters";
import { contactSortFields, SEARCH_MAX_LENGTH, sortOrders, type ContactSortField, type SortOrder } from "./schemas";

// What the contacts table shows, as it lives in the URL (`/contacts?search=ann&sort=name.asc&page=2`).
// Parsing is forgiving: an unknown or malformed value falls back to the default view. The filters
// besides the search are in list-filters.ts.

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface ContactListView extends ContactListFilters {
  search: string;
  sortBy: ContactSortField;
  sortOrder: SortOrder;
  /** 1-based. */
  page: number;
  pageSize: PageSize;
}

export const DEFAULT_VIEW: ContactListView = {
  search: "",
  ...NO_FILTERS,
  sortBy: "createdAt",
  sortOrder: "desc",
  page: 1,
  pageSize: 25,
};

function oneOf<T extends string | number>(values: readonly T[], raw: string | number | null | undefined, fallback: T): T {
  return values.find((value) => String(value) === String(raw)) ?? fallback;
}

export function parseListView(params: URLSearchParams): ContactListView {
  const [sortBy, sortOrder] = (params.get("sort") ?? "").split(".");
  const page = Number(params.get("page"));
  return {
    // Longer than the API accepts (a hand-edited link): cut, as the search box does, not an error.
    search: (params.get("search") ?? "").slice(0, SEARCH_MAX_LENGTH),
    ...parseListFilters(params),
    sortBy: oneOf(contactSortFields, sortBy, DEFAULT_VIEW.sortBy),
    sortOrder: oneOf(sortOrders, sortOrder, DEFAULT_VIEW.sortOrder),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: oneOf(PAGE_SIZES, params.get("size"), DEFAULT_VIEW.pageSize),
  };
}

/** The query string for a view; defaults are left out so shared links stay short. */
export function listViewQuery(view: ContactListView): string {
  const params = new URLSearchParams();
  if (view.search) params.set("search", view.search);
  writeListFilters(view, params);
  if (view.sortBy !== DEFAULT_VIEW.sortBy || view.sortOrder !== DEFAULT_VIEW.sortOrder) {
    params.set("sort", `${view.sortBy}.${view.sortOrder}`);
  }
  if (view.page !== 1) params.set("page", String(view.page));
  if (view.pageSize !== DEFAULT_VIEW.pageSize) params.set("size", String(view.pageSize));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The /v1/contacts request for a view. */
export function listRequestQuery(view: ContactListView) {
  return {
    limit: view.pageSize,
    offset: (view.page - 1) * view.pageSize,
    sortBy: view.sortBy,
    sortOrder: view.sortOrder,
    ...(view.search.trim() ? { search: view.search.trim() } : {}),
    ...listFilterQuery(view),
  };
}
