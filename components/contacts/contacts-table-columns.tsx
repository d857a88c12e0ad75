import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import Link from "next/link";
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

/** The columns the staff member chose: every column but the hidden ones, then one per chosen metadata key. */
export function contactColumns(chatbotNames: ReadonlyMap<string, string>, chosen: ContactColumns) {
  const hidden = new Set<string>(chosen.hidden);
  const metadataColumns = chosen.metadataKeys.map((key) =>
    column.display({
      id: `${METADATA_COLUMN_PREFIX}${key}`,
      header: key,
      cell: ({ row }) => {
        const value = row.original.metadata[key];
        return <Truncated value={value === undefined ? null : String(value)} />;
      },
    }),
  );
  return [...allColumns(chatbotNames).filter((definition) => !hidden.has(definition.id ?? "")), ...metadataColumns];
}

function allColumns(chatbotNames: ReadonlyMap<string, string>) {
  return column.columns([
    column.accessor("name", {
      id: "name",
      header: "Name",
      cell: ({ row }) => (
        <Link
          href={`/contacts/${encodeURIComponent(row.original.id)}`}
          // Prefetching every row's page would send 25 page renders to the server per table page.
          prefetch={false}
          title={row.original.name ?? undefined}
          className={`block truncate rounded font-medium text-slate-900 hover:text-indigo-700 hover:underline dark:text-slate-100 dark:hover:text-indigo-300 ${focusRing}`}
        >
          {row.original.name ?? <span className="text-slate-500 italic dark:text-slate-400">No name</span>}
        </Link>
      ),
    }),
    column.accessor("email", { id: "email", header: "Email", cell: ({ getValue }) => <Truncated value={getValue()} /> }),
    column.accessor("phone", { id: "phone", header: "Phone", enableSorting: false, cell: ({ getValue }) => <Truncated value={getValue()} /> }),
    column.accessor("chatbotId", {
      id: "chatbotId",
      header: "Chatbot",
      enableSorting: false,
      cell: ({ getValue }) => <Truncated value={chatbotNames.get(getValue()) ?? getValue()} />,
    }),
    column.accessor("metadata", {
      id: "metadata",
      header: "Metadata",
      enableSorting: false,
      cell: ({ getValue }) => <MetadataChips metadata={getValue()} />,
    }),
    column.accessor("createdAt", {
      id: "createdAt",
      header: "Created",
      cell: ({ getValue }) => <RelativeTime value={getValue()} className="whitespace-nowrap" />,
    }),
  ]);
}
