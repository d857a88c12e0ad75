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

export function contactColumns(chatbotNames: ReadonlyMap<string, string>) {
  return column.columns([
    column.accessor("name", {
      header: "Name",
      cell: ({ row }) => (
        <Link
          href={`/contacts/${encodeURIComponent(row.original.id)}`}
          // Prefetching every row's page would send 25 page renders to the server per table page.
          prefetch={false}
          className={`rounded font-medium whitespace-nowrap text-slate-900 hover:text-indigo-700 hover:underline dark:text-slate-100 dark:hover:text-indigo-300 ${focusRing}`}
        >
          {row.original.name ?? <span className="text-slate-500 italic dark:text-slate-400">No name</span>}
        </Link>
      ),
    }),
    column.accessor("email", { header: "Email", cell: ({ getValue }) => getValue() ?? muted }),
    column.accessor("phone", { header: "Phone", enableSorting: false, cell: ({ getValue }) => getValue() ?? muted }),
    column.accessor("chatbotId", {
      header: "Chatbot",
      enableSorting: false,
      cell: ({ getValue }) => <span className="whitespace-nowrap">{chatbotNames.get(getValue()) ?? getValue()}</span>,
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
