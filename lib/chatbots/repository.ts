import type { Store } from "../db/client";
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

export async function chatbotExists(store: Store, workspaceId: string, chatbotId: string): Promise<boolean> {
  const row = await store.db
    .selectFrom("chatbots")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", chatbotId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listChatbots(store: Store, workspaceId: string): Promise<ChatbotRow[]> {
  return store.db.selectFrom("chatbots").selectAll().where("workspace_id", "=", workspaceId).orderBy("created_at").orderBy("id").execute();
}
