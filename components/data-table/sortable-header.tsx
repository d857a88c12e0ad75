import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/lib/cn";

export type SortDirection = "asc" | "desc" | false;

/** A column header button that sorts; the `<th>` around it carries `aria-sort`. */
export function SortableHeader({ label, direction, onSort }: { label: string; direction: SortDirection; onSort: () => void }) {
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={onSort}
      className={cn("-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 hover:text-slate-950 dark:hover:text-white", focusRing)}
    >
      {label}
      <Icon aria-hidden="true" className={cn("size-3.5", direction ? "opacity-100" : "opacity-50")} />
    </button>
  );
}

export function ariaSort(direction: SortDirection): "ascending" | "descending" | "none" {
  return direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none";
}
