import { sql } from "kysely";
import type { Store } from "../db/client";

// Aggregates over a workspace's contacts, for the dashboard's overview. Every query is a count in
// the database over an index range (workspace_id first, then created_at or chatbot_id); no contact
// row ever leaves the database.

/** PostgreSQL returns count(*) as bigint text; SQLite as a number. */
type Count = number | string | bigint;

/** The UTC day (`YYYY-MM-DD`) of an ISO 8601 timestamp, the same expression in both dialects. */
const createdDay = sql<string>`substr(contacts.created_at, 1, 10)`;

export async function countContactsSince(store: Store, workspaceId: string, since?: string): Promise<number> {
  let query = store.db.selectFrom("contacts").select((eb) => eb.fn.countAll<Count>().as("count")).where("workspace_id", "=", workspaceId);
  if (since !== undefined) query = query.where("created_at", ">=", since);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface ChatbotContactCount {
  chatbotId: string;
  name: string;
  contacts: number;
}

/** Every chatbot of the workspace (in creation order) with its number of contacts, 0 included. */
export async function countContactsPerChatbot(store: Store, workspaceId: string): Promise<ChatbotContactCount[]> {
  const rows = await store.db
    .selectFrom("chatbots")
    .select((eb) => [
      "chatbots.id",
      "chatbots.name",
      // One index range per chatbot (contacts_chatbot_created), rather than a join and a group by.
      eb
        .selectFrom("contacts")
        .select((inner) => inner.fn.countAll<Count>().as("count"))
        .whereRef("contacts.workspace_id", "=", "chatbots.workspace_id")
        .whereRef("contacts.chatbot_id", "=", "chatbots.id")
        .as("contacts"),
    ])
    .where("chatbots.workspace_id", "=", workspaceId)
    .orderBy("chatbots.created_at")
    .orderBy("chatbots.id")
    .execute();
  return rows.map((row) => ({ chatbotId: row.id, name: row.name, contacts: Number(row.contacts ?? 0) }));
}

export interface DailyChatbotCount {
  date: string;
  chatbotId: string;
  contacts: number;
}

/** Contacts created in [from, to), per UTC day and chatbot; days without contacts are absent. */
export async function countContactsPerDayAndChatbot(store: Store, workspaceId: string, from: string, to: string): Promise<DailyChatbotCount[]> {
  // Driven from chatbots so that each chatbot reads one range of the covering index
  // contacts_chatbot_created; a range on contacts_created would read every row for its chatbot_id.
  const rows = await store.db
    .selectFrom("chatbots")
    .innerJoin("contacts", (join) =>
      join.onRef("contacts.workspace_id", "=", "chatbots.workspace_id").onRef("contacts.chatbot_id", "=", "chatbots.id"),
    )
    .select((eb) => ["chatbots.id", createdDay.as("date"), eb.fn.countAll<Count>().as("count")])
    .where("chatbots.workspace_id", "=", workspaceId)
    .where("contacts.created_at", ">=", from)
    .where("contacts.created_at", "<", to)
    .groupBy(["chatbots.id", createdDay])
    .execute();
  return rows.map((row) => ({ date: row.date, chatbotId: row.id, contacts: Number(row.count) }));
}
