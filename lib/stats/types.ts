// The overview's statistics as GET /api/workspace/stats returns them; shared by server and client.

export const STATS_DAYS = 90;

export interface ChatbotStat {
  chatbotId: string;
  name: string;
  contacts: number;
}

export interface DayStat {
  /** UTC day, `YYYY-MM-DD`. */
  date: string;
  /** New contacts that day by chatbot id; every chatbot of the workspace is present, 0 included. */
  counts: Record<string, number>;
}

export interface WorkspaceStats {
  totalContacts: number;
  /** Contacts created in the last 7 × 24 hours. */
  newThisWeek: number;
  perChatbot: ChatbotStat[];
  /** The last STATS_DAYS UTC days including today, oldest first, every day present. */
  days: DayStat[];
}
