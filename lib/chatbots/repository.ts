import type { Store } from "../db/client";
import { preparedQuery } from "../db/prepared-query";
import type { ChatbotRow } from "../db/schema";
import { newId } from "../ids";
import { nowIso } from "../time";

export async function createChatbot(store: Store, workspaceId: string, name: string): Promise<ChatbotRow> {
  const row = { workspace_id: workspaceId, id: newId("chatbot_"), name, created_at: nowIso() };
  await store.db.insertInto("chatbots").values(row).execute();
  return row;
}

/** Inserts chatbots as given (ids and timestamps included), e.g. fixed-id demo records. */
export async function insertChatbots(store: Store, rows: readonly ChatbotRow[]): Promise<void> {
  if (rows.length > 0) await store.db.insertInto("chatbots").values([...rows]).execute();
}

// Every create asks this.
const chatbotById = preparedQuery<{ workspaceId: string; chatbotId: string }, { id: string }>((db, value) =>
  db.selectFrom("chatbots").select("id").where("workspace_id", "=", value("workspaceId")).where("id", "=", value("chatbotId")),
);

export async function chatbotExists(store: Store, workspaceId: string, chatbotId: string): Promise<boolean> {
  return (await chatbotById(store, { workspaceId, chatbotId })).length > 0;
}

export async function listChatbots(store: Store, workspaceId: string): Promise<ChatbotRow[]> {
  return store.db.selectFrom("chatbots").selectAll().where("workspace_id", "=", workspaceId).orderBy("created_at").orderBy("id").execute();
}
