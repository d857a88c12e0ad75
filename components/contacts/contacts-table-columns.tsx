import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures, type CellContext } from "@tanstack/react-table";
import Link from "next/link";
import { createContext, useContext } from "react";
import { focusRing } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Contact } from "@/lib/contacts/schemas";
import type { ContactColumns } from "@/lib/staff-preferences/schemas";
import { MetadataChips } from "./metadata-chips";

// Sorting and paging are done by the server (manual mode); the table only holds their state.
export const contactTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });

const column = createColumnHelper<typeof contactTableFeatures, Contact>();

const muted = <span className="text-slate-500 dark:text-slate-400">—</span>;

/**
 * Fixed widths (the table is `table-fixed`): a long name or email is cut with an ellipsis instead of
 * pushing Metadata and Created off screen, and the columns do not move when the rows change. Each
 * column's share of the width, as a weight: the shown columns split the table by their weights.
 */
const COLUMN_WEIGHTS: Record<string, number> = {
  name: 22,
  email: 24,
  phone: 12,
  chatbotId: 12,
  metadata: 17,
  createdAt: 13,
};
const METADATA_COLUMN_WEIGHT = 12;
export const METADATA_COLUMN_PREFIX = "meta:";

/** The width of each shown column, as a percentage of the table. */
export function contactColumnWidths(columnIds: string[]): Record<string, string> {
  const weight = (id: string) => COLUMN_WEIGHTS[id] ?? METADATA_COLUMN_WEIGHT;
  const total = columnIds.reduce((sum, id) => sum + weight(id), 0);
  return Object.fromEntries(columnIds.map((id) => [id, `${((100 * weight(id)) / total).toFixed(3)}%`]));
}

/** One line, cut with an ellipsis; the whole value on hover. */
function Truncated({ value }: { value: string | null }) {
  if (value === null) return muted;
  return (
    <span className="block truncate" title={value}>
      {value}
    </span>
  );
}

/**
 * The chatbots' names by id, for the Chatbot column. Given by context, not captured by the column
 * definitions: the table renders each cell function as a component, so a cell function made anew
 * when the names arrive would remount every cell, and the row link a keyboard user focused with
 * `j` would lose its focus.
 */
export const ChatbotNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

type ContactCell<TValue> = CellContext<typeof contactTableFeatures, Contact, TValue>;

function NameCell({ row }: ContactCell<Contact["name"]>) {
  return (
    <Link
      href={`/contacts/${encodeURIComponent(row.original.id)}`}
      // Prefetching every row's page would send 25 page renders to the server per table page.
      prefetch={false}
      title={row.original.name ?? undefined}
      className={`block truncate rounded font-medium text-slate-900 hover:text-indigo-700 hover:underline dark:text-slate-100 dark:hover:text-indigo-300 ${focusRing}`}
    >
      {row.original.name ?? <span className="text-slate-500 italic dark:text-slate-400">No name</span>}
    </Link>
  );
}

function TextCell({ getValue }: ContactCell<string | null>) {
  return <Truncated value={getValue()} />;
}

function ChatbotCell({ getValue }: ContactCell<string>) {
  const chatbotNames = useContext(ChatbotNamesContext);
  return <Truncated value={chatbotNames.get(getValue()) ?? getValue()} />;
}

function MetadataCell({ getValue }: ContactCell<Contact["metadata"]>) {
  return <MetadataChips metadata={getValue()} />;
}

function CreatedCell({ getValue }: ContactCell<string>) {
  return <RelativeTime value={getValue()} className="whitespace-nowrap" />;
}

/** One chosen metadata key's value; the key is the column's id after its prefix. */
function MetadataValueCell({ row, column: { id } }: ContactCell<unknown>) {
  const value = row.original.metadata[id.slice(METADATA_COLUMN_PREFIX.length)];
  return <Truncated value={value === undefined ? null : String(value)} />;
}

/** The columns the staff member chose: every column but the hidden ones, then one per chosen metadata key. */
export function contactColumns(chosen: ContactColumns) {
  const hidden = new Set<string>(chosen.hidden);
  const metadataColumns = chosen.metadataKeys.map((key) => column.display({ id: `${METADATA_COLUMN_PREFIX}${key}`, header: key, cell: MetadataValueCell }));
  return [...ALL_COLUMNS.filter((definition) => !hidden.has(definition.id ?? "")), ...metadataColumns];
}

const ALL_COLUMNS = column.columns([
  column.accessor("name", { id: "name", header: "Name", cell: NameCell }),
  column.accessor("email", { id: "email", header: "Email", cell: TextCell }),
  column.accessor("phone", { id: "phone", header: "Phone", enableSorting: false, cell: TextCell }),
  column.accessor("chatbotId", { id: "chatbotId", header: "Chatbot", enableSorting: false, cell: ChatbotCell }),
  column.accessor("metadata", { id: "metadata", header: "Metadata", enableSorting: false, cell: MetadataCell }),
  column.accessor("createdAt", { id: "createdAt", header: "Created", cell: CreatedCell }),
]);
