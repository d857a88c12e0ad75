"use client";
import { useId, useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { Card } from "@/components/ui/states";
import type { ChatbotStat, DayStat } from "@/lib/stats/types";
import { chatbotColor } from "./chatbot-colors";
import { formatCount, formatLongDay, formatShortDay } from "./format";

export const CHART_TITLE = "New contacts per day (last 90 days)";

interface Series {
  key: string;
  chatbotId: string;
  name: string;
  color: string;
}

type Row = { date: string; total: number } & Record<string, number | string>;

function DayTooltip({ active, label, rows, series }: Partial<TooltipContentProps> & { rows: Map<string, Row>; series: Series[] }) {
  const row = typeof label === "string" ? rows.get(label) : undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow-md dark:border-slate-700 dark:bg-slate-900">
      <p className="font-medium">{formatLongDay(row.date)}</p>
      <ul className="mt-1 space-y-0.5">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-2">
            <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ backgroundColor: s.color }} />
            <span className="text-slate-700 dark:text-slate-300">{s.name}</span>
            <span className="ml-auto pl-4 tabular-nums">{formatCount(Number(row[s.key]))}</span>
          </li>
        ))}
      </ul>
      <p className="mt-1 border-t border-slate-200 pt-1 text-slate-600 dark:border-slate-700 dark:text-slate-400">
        Total <span className="float-right tabular-nums">{formatCount(row.total)}</span>
      </p>
    </div>
  );
}

/** A sentence for people who cannot see the chart: the period's total, busiest day and leader. */
function summaryOf(rows: Row[], series: Series[]): string {
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  if (total === 0) return "No new contacts in the last 90 days.";
  const busiest = rows.reduce((best, row) => (row.total > best.total ? row : best));
  const perSeries = series.map((s) => ({ name: s.name, count: rows.reduce((sum, row) => sum + Number(row[s.key]), 0) }));
  const leader = perSeries.reduce((best, s) => (s.count > best.count ? s : best));
  return (
    `${formatCount(total)} new contacts in the last 90 days; the busiest day was ${formatLongDay(busiest.date)} ` +
    `with ${formatCount(busiest.total)}. ${leader.name} collected the most (${formatCount(leader.count)}).`
  );
}

/** New contacts per day, stacked by chatbot, with a summary and the data as a table. */
export function NewContactsChart({ days, chatbots }: { days: DayStat[]; chatbots: ChatbotStat[] }) {
  const id = useId();
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const series = useMemo<Series[]>(
    () => chatbots.map((c, i) => ({ key: `c${i}`, chatbotId: c.chatbotId, name: c.name, color: chatbotColor(i) })),
    [chatbots],
  );
  const rows = useMemo<Row[]>(
    () =>
      days.map((day) => {
        const row: Row = { date: day.date, total: 0 };
        for (const s of series) {
          const count = day.counts[s.chatbotId] ?? 0;
          row[s.key] = count;
          row.total += count;
        }
        return row;
      }),
    [days, series],
  );
  const byDate = useMemo(() => new Map(rows.map((row) => [row.date, row])), [rows]);
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
            <li key={s.key} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="size-3 rounded-sm" style={{ backgroundColor: s.color }} />
              {s.name}
            </li>
          ))}
        </ul>
        <div className="mt-3 h-72 rounded-md text-slate-600 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 dark:text-slate-400 [&_.recharts-surface]:outline-none">
          <BarChart
            responsive
            data={rows}
            title={CHART_TITLE}
            desc={`${summary} Use the arrow keys to move from day to day.`}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
            style={{ width: "100%", height: "100%" }}
          >
            <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
            <XAxis
              dataKey="date"
              tickFormatter={formatShortDay}
              minTickGap={24}
              tick={{ fill: "currentColor", fontSize: 12 }}
              stroke="currentColor"
              strokeOpacity={0.3}
              tickLine={false}
            />
            <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" strokeOpacity={0.3} tickLine={false} />
            <Tooltip
              cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
              content={(props) => <DayTooltip {...props} rows={byDate} series={series} />}
            />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="contacts" fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </div>
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
                    <th key={s.key} scope="col" className="py-1.5 text-right font-medium">
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
                    {series.map((s) => (
                      <td key={s.key} className="py-1 text-right tabular-nums">
                        {formatCount(Number(row[s.key]))}
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
