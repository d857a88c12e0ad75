import type { Store } from "../db/client";
import { countContactsPerChatbot, countContactsPerDayAndChatbot, countContactsSince } from "./repository";
import { STATS_DAYS, type DayStat, type WorkspaceStats } from "./types";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** The UTC days from `STATS_DAYS - 1` days before `now` to `now`'s day, oldest first. */
export function statsDays(now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: STATS_DAYS }, (_, i) => new Date(today - (STATS_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

/** The workspace at a glance: totals, per chatbot, and new contacts per day, zero-filled. */
export async function getWorkspaceStats(store: Store, workspaceId: string, now = new Date()): Promise<WorkspaceStats> {
  const dates = statsDays(now);
  const from = `${dates[0]}T00:00:00.000Z`;
  const to = new Date(Date.parse(`${dates[dates.length - 1]}T00:00:00.000Z`) + DAY_MS).toISOString();
  const weekAgo = new Date(now.getTime() - WEEK_MS).toISOString();

  const [totalContacts, newThisWeek, perChatbot, daily] = await Promise.all([
    countContactsSince(store, workspaceId),
    countContactsSince(store, workspaceId, weekAgo),
    countContactsPerChatbot(store, workspaceId),
    countContactsPerDayAndChatbot(store, workspaceId, from, to),
  ]);

  const byDate = new Map<string, DayStat>(
    dates.map((date) => [date, { date, counts: Object.fromEntries(perChatbot.map((c) => [c.chatbotId, 0])) }]),
  );
  for (const { date, chatbotId, contacts } of daily) {
    const day = byDate.get(date);
    if (day) day.counts[chatbotId] = contacts;
  }
  return { totalContacts, newThisWeek, perChatbot, days: [...byDate.values()] };
}
