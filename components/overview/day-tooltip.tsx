import type { DayRow, Series } from "./day-rows";
import { formatCount, formatLongDay } from "./format";

/** The chart's tooltip: the day, each chatbot's count and the total. */
export function DayTooltip({ row, series }: { row: DayRow; series: Series[] }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <p className="font-medium">{formatLongDay(row.date)}</p>
      <ul className="mt-1 space-y-0.5">
        {series.map((s, i) => (
          <li key={s.chatbotId} className="flex items-center gap-2">
            <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ backgroundColor: s.color }} />
            <span className="text-slate-700 dark:text-slate-300">{s.name}</span>
            <span className="ml-auto pl-4 tabular-nums">{formatCount(row.counts[i])}</span>
          </li>
        ))}
      </ul>
      <p className="mt-1 border-t border-slate-200 pt-1 text-slate-600 dark:border-slate-700 dark:text-slate-400">
        Total <span className="float-right tabular-nums">{formatCount(row.total)}</span>
      </p>
    </div>
  );
}
