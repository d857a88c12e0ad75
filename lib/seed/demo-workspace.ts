import { insertChatbots } from "../chatbots/repository";
import { insertContacts } from "../contacts/repository";
import { insertConversations } from "../conversations/repository";
import type { Store } from "../db/client";
import type { ChatbotRow, NewContactRow, NewConversationRow, WorkspaceRow } from "../db/schema";
import { newId } from "../ids";
import { createWorkspace } from "../workspaces/repository";
import { demoContact } from "./demo-contacts";
import { demoConversations } from "./demo-conversations";

export const DEMO_CHATBOT_NAMES = ["Website assistant", "Support bot", "Sales concierge"] as const;
export const DEMO_KEY_NAME = "Demo key";

export interface DemoWorkspace {
  workspace: WorkspaceRow;
  chatbots: ChatbotRow[];
}

/** A new workspace with the demo chatbots; the first chatbot takes `firstChatbotId` when given. */
export async function createDemoWorkspace(store: Store, name: string, firstChatbotId?: string): Promise<DemoWorkspace> {
  const workspace = await createWorkspace(store, name);
  const createdAt = Date.parse(workspace.created_at);
  const chatbots = DEMO_CHATBOT_NAMES.map((chatbotName, i) => ({
    workspace_id: workspace.id,
    id: i === 0 && firstChatbotId ? firstChatbotId : newId("chatbot_"),
    name: chatbotName,
    // A millisecond apart, so chatbots listed by creation time keep this order.
    created_at: new Date(createdAt + i).toISOString(),
  }));
  await insertChatbots(store, chatbots);
  return { workspace, chatbots };
}


export interface DemoRows {
  contacts: NewContactRow[];
  conversations: NewConversationRow[];
}

/** `count` demo contacts of the workspace's chatbots, with their conversations. */
export function demoRows(demo: DemoWorkspace, count: number, now: number): DemoRows {
  const options = { workspaceId: demo.workspace.id, chatbotIds: demo.chatbots.map((c) => c.id), now };
  const contacts: NewContactRow[] = [];
  const conversations: NewConversationRow[] = [];
  for (let i = 0; i < count; i++) {
    const contact = demoContact(options);
    contacts.push(contact);
    conversations.push(...demoConversations(contact, now));
  }
  return { contacts, conversations };
}

/** Inserts demo rows in multi-row statements; returns how many conversations. */
export async function insertDemoRows(store: Store, { contacts, conversations }: DemoRows): Promise<number> {
  await insertContacts(store, contacts);
  await insertConversations(store, conversations);
  return conversations.length;
}
