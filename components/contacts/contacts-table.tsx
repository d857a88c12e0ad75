"use client";
import { useTable, type PaginationState, type SortingState, type Updater } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useMemo, type MouseEvent } from "react";
import { Pagination } from "@/components/data-table/pagination";
import { ariaSort, SortableHeader } from "@/components/data-table/sortable-header";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { useChatbots } from "@/lib/chatbots/queries";
import { PAGE_SIZES, type ContactListView, type PageSize } from "@/lib/contacts/list-view";
import { useContactList, usePrefetchContactList } from "@/lib/contacts/queries";
import type { Contact, ContactSortField } from "@/lib/contacts/schemas";
import { useContactListView } from "@/lib/hooks/use-contact-list-view";
import { ChatbotNamesContext, contactColumns, contactColumnWidths, contactTableFeatures } from "./contacts-table-columns";
import { ContactsToolbar } from "./contacts-toolbar";
import { ContactFiltersPopover } from "./contact-filters-popover";
import { ColumnChooser } from "./column-chooser";
import { useContactColumns, useSaveContactColumns } from "@/lib/staff-preferences/queries";
import { DEFAULT_CONTACT_COLUMNS } from "@/lib/staff-preferences/schemas";
import { FilterChips } from "./filter-chips";
import { SaveViewButton } from "@/components/saved-views/save-view-button";
import { hasActiveFilters, NO_FILTERS } from "@/lib/contacts/list-filters";
import { ContactCards } from "./contact-cards";
import { useMediaQuery } from "@/lib/hooks/use-media-query";
import { cn } from "@/lib/cn";
import { KEYBOARD_HIGHLIGHT } from "@/components/shortcuts/keyboard-highlight";

const NO_CONTACTS: Contact[] = [];
const SKELETON_ROWS = 8;
/** Below Tailwind's `sm` breakpoint a table of six columns cannot be read: cards instead. */
const PHONE_QUERY = "(max-width: 639.98px)";

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

export function ContactsTable({ onCreate }: { onCreate: () => void }) {
  const router = useRouter();
  const { view, update: changeView } = useContactListView();
  const prefetch = usePrefetchContactList();
  const update = (change: Partial<ContactListView>) => prefetch(changeView(change));
  const list = useContactList(view);
  const chatbots = useChatbots();
  const chatbotNames = useMemo(() => new Map((chatbots.data ?? []).map((c) => [c.id, c.name])), [chatbots.data]);
  const chosenColumns = useContactColumns().data ?? DEFAULT_CONTACT_COLUMNS;
  const saveColumns = useSaveContactColumns();
  const columns = useMemo(() => contactColumns(chosenColumns), [chosenColumns]);
  const widths = contactColumnWidths(columns.map((definition) => definition.id ?? ""));

  const sorting: SortingState = [{ id: view.sortBy, desc: view.sortOrder === "desc" }];
  const pagination: PaginationState = { pageIndex: view.page - 1, pageSize: view.pageSize };
  const table = useTable({
    features: contactTableFeatures,
    columns,
    data: list.data?.contacts ?? NO_CONTACTS,
    getRowId: (contact) => contact.id,
    rowCount: list.data?.total ?? 0,
    state: { sorting, pagination },
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting);
      if (next) update({ sortBy: next.id as ContactSortField, sortOrder: next.desc ? "desc" : "asc" });
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      if (next.pageSize !== view.pageSize) update({ pageSize: next.pageSize as PageSize });
      else update({ page: next.pageIndex + 1 });
    },
  });

  function openRow(event: MouseEvent, contactId: string) {
    // Clicks on the name link (or any other control) navigate on their own.
    if ((event.target as HTMLElement).closest("a, button, input, select")) return;
    router.push(`/contacts/${encodeURIComponent(contactId)}`);
  }

  const total = list.data?.total ?? 0;
  const rows = table.getRowModel().rows;
  const phone = useMediaQuery(PHONE_QUERY);
  // The page controls above and below the table.
  const paging = {
    page: view.page,
    pageSize: view.pageSize,
    total,
    pageSizes: PAGE_SIZES,
    emptyLabel: "No contacts",
    onPageChange: (page: number) => table.setPageIndex(page - 1),
    onPageSizeChange: (size: number) => table.setPageSize(size),
  };

  return (
    <div className="space-y-4">
      <ContactsToolbar
        search={view.search}
        chatbotId={view.chatbotId}
        chatbots={chatbots.data ?? []}
        onSearchChange={(search) => update({ search })}
        onChatbotChange={(chatbotId) => update({ chatbotId })}
        actions={
          <>
            <ContactFiltersPopover filters={view} onApply={(filters) => update(filters)} />
            <SaveViewButton view={view} />
            {phone ? null : <ColumnChooser columns={chosenColumns} onChange={(next) => saveColumns.mutate(next)} />}
          </>
        }
      />
      <FilterChips filters={view} chatbotNames={chatbotNames} onChange={(change) => update(change)} />
      {list.data && !phone ? (
        <Pagination compact label="Pages, top" {...paging} />
      ) : null}
      <div data-contact-list className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
        {list.isError && !list.data ? (
          <ErrorState message={list.error.message} onRetry={() => list.refetch()} />
        ) : phone && !list.isPending && rows.length > 0 ? (
          <ContactCards contacts={rows.map((row) => row.original)} chatbotNames={chatbotNames} dimmed={list.isPlaceholderData} />
        ) : (
          // The table scrolls inside its own box so the header row can stick to its top while the
          // toolbar and the page controls above stay on screen.
          <div className="relative max-h-[max(24rem,calc(100dvh-16rem))] overflow-auto" data-testid="contacts-scroll">
            <table
              className="w-full table-fixed text-left text-sm"
              // Each metadata column adds room, so that the table scrolls sideways before it cramps.
              style={{ minWidth: `${60 + 8 * chosenColumns.metadataKeys.length}rem` }}
              aria-busy={list.isFetching} aria-describedby="contacts-status">
              <caption className="sr-only">Contacts</caption>
              <colgroup>
                {table.getHeaderGroups().at(-1)?.headers.map((header) => (
                  <col key={header.id} style={{ width: widths[header.column.id] }} />
                ))}
              </colgroup>
              <thead className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-700 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-300">
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const direction = header.column.getIsSorted();
                      const label = String(header.column.columnDef.header);
                      return (
                        <th
                          key={header.id}
                          scope="col"
                          className="px-4 py-2.5 whitespace-nowrap"
                          aria-sort={header.column.getCanSort() ? ariaSort(direction) : undefined}
                        >
                          {header.column.getCanSort() ? (
                            <SortableHeader label={label} direction={direction} onSort={() => header.column.toggleSorting(nextDescending(view, header.column.id))} />
                          ) : (
                            label
                          )}
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <ChatbotNamesContext value={chatbotNames}>
                <tbody className={list.isPlaceholderData ? "opacity-60" : undefined}>
                  {list.isPending
                    ? Array.from({ length: SKELETON_ROWS }, (_, i) => (
                        <tr key={i} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                          {columns.map((_, j) => (
                            <td key={j} className="px-4 py-3">
                              <Skeleton className="h-4 w-full max-w-40" />
                            </td>
                          ))}
                        </tr>
                      ))
                    : rows.map((row) => (
                        <tr
                          key={row.id}
                          onClick={(event) => openRow(event, row.original.id)}
                          className={cn("cursor-pointer border-b border-slate-100 last:border-0 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/60", KEYBOARD_HIGHLIGHT)}
                        >
                          {row.getAllCells().map((cell) => (
                            <td key={cell.id} className="overflow-hidden px-4 py-2 align-middle whitespace-nowrap">
                              <table.FlexRender cell={cell} />
                            </td>
                          ))}
                        </tr>
                      ))}
                </tbody>
              </ChatbotNamesContext>
            </table>
            {!list.isPending && rows.length === 0 ? (
              <EmptyContacts
                view={view}
                total={total}
                onClear={() => update({ search: "", ...NO_FILTERS })}
                onFirstPage={() => update({ page: 1 })}
                onCreate={onCreate}
              />
            ) : null}
          </div>
        )}
      </div>
      <p id="contacts-status" className="sr-only" aria-live="polite">
        {list.isFetching ? "Loading contacts" : `${total} contacts`}
      </p>
      {list.isError && list.data ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Could not refresh the list: {list.error.message}{" "}
          <Button size="sm" onClick={() => list.refetch()}>
            Try again
          </Button>
        </p>
      ) : null}
      {list.data ? (
        <Pagination {...paging} />
      ) : null}
    </div>
  );
}

/** A first click sorts names and emails A→Z and dates newest first; a second click reverses. */
function nextDescending(view: ContactListView, field: string): boolean {
  if (view.sortBy === field) return view.sortOrder === "asc";
  return field === "createdAt";
}

function EmptyContacts({
  view,
  total,
  onClear,
  onFirstPage,
  onCreate,
}: {
  view: ContactListView;
  total: number;
  onClear: () => void;
  onFirstPage: () => void;
  onCreate: () => void;
}) {
  if (total > 0) {
    return (
      <EmptyState title="This page is past the last contact">
        <Button onClick={onFirstPage}>Go to the first page</Button>
      </EmptyState>
    );
  }
  const filtered = hasActiveFilters({ ...view, chatbotId: "" });
  if (view.search) {
    return (
      <EmptyState title={filtered || view.chatbotId ? `No contacts match “${view.search}” with these filters` : `No contacts match “${view.search}”`}>
        <Button onClick={onClear}>{filtered || view.chatbotId ? "Clear search and filters" : "Clear search"}</Button>
      </EmptyState>
    );
  }
  if (filtered) {
    return (
      <EmptyState title="No contacts match these filters">
        <Button onClick={onClear}>Clear filters</Button>
      </EmptyState>
    );
  }
  if (view.chatbotId) {
    return (
      <EmptyState title="This chatbot has no contacts yet">
        <Button onClick={onClear}>Show all chatbots</Button>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No contacts yet">
      <p className="text-sm text-slate-600 dark:text-slate-400">Contacts appear here as your chatbots collect them.</p>
      <Button variant="primary" onClick={onCreate}>
        New contact
      </Button>
    </EmptyState>
  );
}
