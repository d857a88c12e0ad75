"use client";
import { useId, useMemo } from "react";
import { Card } from "@/components/ui/states";
import type { ChatbotStat, DayStat } from "@/lib/stats/types";
import { dayRowsOf, seriesOf, summaryOf } from "./day-rows";
import { formatCount, formatLongDay } from "./format";
import { StackedBarChart } from "./stacked-bar-chart";

export const CHART_TITLE = "New contacts per day (last 90 days)";

/** New contacts per day, stacked by chatbot, with a summary and the data as a table. */
export function NewContactsChart({ days, chatbots }: { days: DayStat[]; chatbots: ChatbotStat[] }) {
  const id = useId();
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const series = useMemo(() => seriesOf(chatbots), [chatbots]);
  const rows = useMemo(() => dayRowsOf(days, series), [days, series]);
  const summary = summaryOf(rows, series);

  return (
    <Card>
      <figure aria-labelledby={titleId} aria-describedby={summaryId} className="m-0">
        <figcaption>
          <h2 id={titleId} className="text-base font-semibold">
            {CHART_TITLE}
          </h2>
          <p id={summaryId} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {summary}
          </p>
        </figcaption>
        <ul aria-label="Legend" className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
          {series.map((s) => (
            <li key={s.chatbotId} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="size-3 rounded-sm" style={{ backgroundColor: s.color }} />
              {s.name}
            </li>
          ))}
        </ul>
        <StackedBarChart rows={rows} series={series} label={CHART_TITLE} summaryId={summaryId} />
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer rounded font-medium text-indigo-700 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-indigo-400">
            Show the data as a table
          </summary>
          <div className="mt-2 max-h-80 overflow-y-auto" tabIndex={0} role="region" aria-label="New contacts per day, as a table">
            <table className="w-full text-sm">
              <thead className="sticky top-0 bg-white dark:bg-slate-900">
                <tr className="text-left text-slate-600 dark:text-slate-400">
                  <th scope="col" className="py-1.5 font-medium">
                    Day
                  </th>
                  {series.map((s) => (
                    <th key={s.chatbotId} scope="col" className="py-1.5 text-right font-medium">
                      {s.name}
                    </th>
                  ))}
                  <th scope="col" className="py-1.5 text-right font-medium">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...rows].reverse().map((row) => (
                  <tr key={row.date} className="border-t border-slate-100 dark:border-slate-800/60">
                    <th scope="row" className="py-1 text-left font-normal">
                      <time dateTime={row.date}>{formatLongDay(row.date)}</time>
                    </th>
                    {series.map((s, i) => (
                      <td key={s.chatbotId} className="py-1 text-right tabular-nums">
                        {formatCount(row.counts[i])}
                      </td>
                    ))}
                    <td className="py-1 text-right font-medium tabular-nums">{formatCount(row.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </Card>
  );
}
