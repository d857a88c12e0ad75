import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import Link from "next/link";
import { focusRing } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Contact } from "@/lib/contacts/schemas";
import { MetadataChips } from "./metadata-chips";

// Sorting and paging are done by the server (manual mode); the table only holds their state.
export const contactTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });

const column = createColumnHelper<typeof contactTableFeatures, Contact>();

const muted = <span className="text-slate-500 dark:text-slate-400">—</span>;

/**
 * Fixed widths (the table is `table-fixed`): a long name or email is cut with an ellipsis instead of
 * pushing Metadata and Created off screen, and the columns do not move when the rows change.
 */
export const contactColumnWidths: Record<string, string> = {
  name: "22%",
  email: "24%",
  phone: "12%",
  chatbotId: "12%",
  metadata: "17%",
  createdAt: "13%",
};

/** One line, cut with an ellipsis; the whole value on hover. */
function Truncated({ value }: { value: string | null }) {
  if (value === null) return muted;
  return (
    <span className="block truncate" title={value}>
      {value}
    </span>
  );
}

export function contactColumns(chatbotNames: ReadonlyMap<string, string>) {
  return column.columns([
    column.accessor("name", {
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
    column.accessor("email", { header: "Email", cell: ({ getValue }) => <Truncated value={getValue()} /> }),
    column.accessor("phone", { header: "Phone", enableSorting: false, cell: ({ getValue }) => <Truncated value={getValue()} /> }),
    column.accessor("chatbotId", {
      header: "Chatbot",
      enableSorting: false,
      cell: ({ getValue }) => <Truncated value={chatbotNames.get(getValue()) ?? getValue()} />,
    }),
    column.accessor("metadata", {
      header: "Metadata",
      enableSorting: false,
      cell: ({ getValue }) => <MetadataChips metadata={getValue()} />,
    }),
    column.accessor("createdAt", {
      header: "Created",
      cell: ({ getValue }) => <RelativeTime value={getValue()} className="whitespace-nowrap" />,
    }),
  ]);
}
