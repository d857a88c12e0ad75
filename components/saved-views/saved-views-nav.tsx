"use client";
import { Bookmark, Trash2, Users } from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { focusRing } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cn } from "@/lib/cn";
import { useDeleteSavedView, useSavedViews } from "@/lib/saved-views/queries";
import { savedViewQueryOf, type SavedView } from "@/lib/saved-views/schemas";

/** The sidebar's saved views: the staff member's own, then those others shared. */
export function SavedViewsNav() {
  const views = useSavedViews();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const remove = useDeleteSavedView();
  if (!views.data?.length) return null;
  const currentQuery = pathname === "/contacts" ? savedViewQueryOf(new URLSearchParams(searchParams.toString())) : null;

  return (
    <nav aria-label="Saved views" className="px-2 pb-2">
      <p className="px-3 pt-2 pb-1 text-xs font-semibold text-slate-600 dark:text-slate-400">Saved views</p>
      <ul className="flex max-h-40 flex-wrap gap-1 overflow-y-auto md:max-h-none md:flex-col md:flex-nowrap">
        {views.data.map((view) => {
          const current = view.query === currentQuery;
          return (
            <li key={view.id} className="group flex min-w-0 items-center">
              <Link
                href={`/contacts${view.query ? `?${view.query}` : ""}`}
                aria-current={current ? "page" : undefined}
                title={view.mine ? view.name : `${view.name} (shared by ${view.ownerName})`}
                className={cn(
                  "flex min-w-0 flex-1 items-center gap-2 rounded-md px-3 py-1.5 text-sm",
                  focusRing,
                  current
                    ? "bg-indigo-50 font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
                    : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
                )}
              >
                {view.shared ? <Users aria-hidden="true" className="size-3.5 shrink-0" /> : <Bookmark aria-hidden="true" className="size-3.5 shrink-0" />}
                <span className="truncate">{view.name}</span>
                {view.shared ? <span className="sr-only">{view.mine ? " (shared)" : ` (shared by ${view.ownerName})`}</span> : null}
              </Link>
              {view.mine ? (
                <button
                  type="button"
                  aria-label={`Delete the view ${view.name}`}
                  className={cn(
                    // Touch screens have no hover: the button shows there; with a mouse, on hover or focus.
                    "rounded p-1 text-slate-500 hover:text-red-700 focus:opacity-100 md:opacity-0 md:group-focus-within:opacity-100 md:group-hover:opacity-100 dark:text-slate-400 dark:hover:text-red-400",
                    focusRing,
                  )}
                  onClick={() => setDeleting(view)}
                >
                  <Trash2 aria-hidden="true" className="size-3.5" />
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete the view “${deleting?.name ?? ""}”?`}
        description={deleting?.shared ? "It disappears from everyone's sidebar. The contacts stay as they are." : "The contacts stay as they are; only the saved view goes."}
        confirmLabel="Delete view"
        pending={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting, {
            onSuccess: () => toast.success(`Deleted the view “${deleting.name}”`),
            onError: (error) => toast.error(error.message),
            onSettled: () => setDeleting(null),
          });
        }}
      />
    </nav>
  );
}
