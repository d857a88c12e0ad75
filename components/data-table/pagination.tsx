import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";

const numberFormat = new Intl.NumberFormat("en-US");

/**
 * "1–25 of 142", rows per page, and first / previous / next / last; `emptyLabel` alone when total is 0. `page` is 1-based.
 * `compact` (the copy above a table): the range and the page buttons only, no live region (the bottom one announces).
 */
export function Pagination({
  page,
  pageSize,
  total,
  pageSizes,
  emptyLabel,
  onPageChange,
  onPageSizeChange,
  label = "Pagination",
  compact = false,
}: {
  page: number;
  pageSize: number;
  total: number;
  pageSizes: readonly number[];
  /** Shown instead of "0–0 of 0 · Page 1 of 1" when nothing matches. */
  emptyLabel: string;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: number) => void;
  label?: string;
  compact?: boolean;
}) {
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  if (total === 0) {
    if (compact) return null;
    return (
      <nav aria-label={label} className="px-1 py-3 text-sm">
        <p aria-live="polite" className="text-slate-700 dark:text-slate-300">
          {emptyLabel}
        </p>
      </nav>
    );
  }
  return (
    <nav aria-label={label} className={`flex flex-wrap items-center justify-between gap-3 px-1 text-sm ${compact ? "py-1" : "py-3"}`}>
      <p aria-live={compact ? undefined : "polite"} className="text-slate-700 dark:text-slate-300">
        {first > last ? `0 of ${numberFormat.format(total)}` : `${numberFormat.format(first)}–${numberFormat.format(last)} of ${numberFormat.format(total)}`}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {compact ? null : (
          <label className="flex items-center gap-2 whitespace-nowrap text-slate-700 dark:text-slate-300">
            Rows per page
            <Select className="h-8 w-24" value={pageSize} onChange={(event) => onPageSizeChange(Number(event.target.value))}>
              {pageSizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </Select>
          </label>
        )}
        <div className="flex items-center gap-1">
          <Button size="sm" variant="ghost" aria-label="First page" disabled={page <= 1} onClick={() => onPageChange(1)}>
            <ChevronFirst aria-hidden="true" className="size-4" />
          </Button>
          <Button size="sm" variant="ghost" aria-label="Previous page" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
            <ChevronLeft aria-hidden="true" className="size-4" />
          </Button>
          <span className="px-2 text-slate-700 tabular-nums dark:text-slate-300">
            Page {numberFormat.format(Math.min(page, lastPage))} of {numberFormat.format(lastPage)}
          </span>
          <Button size="sm" variant="ghost" aria-label="Next page" disabled={page >= lastPage} onClick={() => onPageChange(page + 1)}>
            <ChevronRight aria-hidden="true" className="size-4" />
          </Button>
          <Button size="sm" variant="ghost" aria-label="Last page" disabled={page >= lastPage} onClick={() => onPageChange(lastPage)}>
            <ChevronLast aria-hidden="true" className="size-4" />
          </Button>
        </div>
      </div>
    </nav>
  );
}
