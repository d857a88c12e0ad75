import type { ConversationRow } from "../db/schema";
import type { Conversation } from "./schemas";

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    chatbotId: row.chatbot_id,
    contactId: row.contact_id,
    startedAt: row.started_at,
    lastMessageAt: row.last_message_at,
    messageCount: row.message_count,
    summary: row.summary,
  };
}
