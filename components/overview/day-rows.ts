import type { ChatbotStat, DayStat } from "@/lib/stats/types";
import { chatbotColor } from "./chatbot-colors";
import { formatCount, formatLongDay } from "./format";

// The chart's data: one series per chatbot (in the overview's order, so colours match the table)
// and one row per day with its counts in series order.

export interface Series {
  chatbotId: string;
  name: string;
  color: string;
}

export interface DayRow {
  /** UTC day, `YYYY-MM-DD`. */
  date: string;
  /** New contacts that day, one count per series, in series order. */
  counts: number[];
  total: number;
}

export function seriesOf(chatbots: ChatbotStat[]): Series[] {
  return chatbots.map((c, i) => ({ chatbotId: c.chatbotId, name: c.name, color: chatbotColor(i) }));
}

export function dayRowsOf(days: DayStat[], series: Series[]): DayRow[] {
  return days.map((day) => {
    const counts = series.map((s) => day.counts[s.chatbotId] ?? 0);
    return { date: day.date, counts, total: counts.reduce((sum, count) => sum + count, 0) };
  });
}

const newContacts = (count: number) => `${formatCount(count)} ${count === 1 ? "new contact" : "new contacts"}`;

/** A sentence for people who cannot see the chart: the period's total, busiest day and leader. */
export function summaryOf(rows: DayRow[], series: Series[]): string {
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  if (total === 0) return "No new contacts in the last 90 days.";
  const busiest = rows.reduce((best, row) => (row.total > best.total ? row : best));
  const perSeries = series.map((s, i) => ({ name: s.name, count: rows.reduce((sum, row) => sum + row.counts[i], 0) }));
  const leader = perSeries.reduce((best, s) => (s.count > best.count ? s : best));
  return (
    `${newContacts(total)} in the last 90 days; the busiest day was ${formatLongDay(busiest.date)} ` +
    `with ${formatCount(busiest.total)}. ${leader.name} collected the most (${formatCount(leader.count)}).`
  );
}

/** One day's figures as a screen reader announces them when the chart's keyboard cursor lands on it. */
export function describeDay(row: DayRow, series: Series[]): string {
  const perSeries = series.map((s, i) => `${s.name} ${formatCount(row.counts[i])}`).join(", ");
  return `${formatLongDay(row.date)}: ${newContacts(row.total)}${perSeries ? ` (${perSeries})` : ""}.`;
}
