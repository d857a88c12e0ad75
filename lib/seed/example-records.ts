import { insertContacts } from "../contacts/repository";
import { insertConversations } from "../conversations/repository";
import type { Store } from "../db/client";
import type { NewContactRow, NewConversationRow } from "../db/schema";

// The example records of the product document (contacts-api.seed.txt), with its literal ids, so
// every request it shows works verbatim against the demo workspace.

export const EXAMPLE_CHATBOT_ID = "chatbot_456def";
export const EXAMPLE_CONTACT_ID = "contact_123abc";
export const EXAMPLE_UPDATED_CONTACT_ID = "contact_321cba";

function exampleContacts(workspaceId: string): NewContactRow[] {
  const common = { workspace_id: workspaceId, chatbot_id: EXAMPLE_CHATBOT_ID };
  return [
    {
      ...common,
      id: EXAMPLE_CONTACT_ID,
      name: "John Doe",
      email: "john@example.com",
      phone: "+15551234567",
      metadata: JSON.stringify({ company: "Acme Inc", role: "Manager" }),
      created_at: "2023-07-15T14:22:31.000Z",
      updated_at: "2023-07-15T14:22:31.000Z",
    },
    {
      ...common,
      id: EXAMPLE_UPDATED_CONTACT_ID,
      name: "Jane Smith",
      email: "jane@example.com",
      phone: "+15559876543",
      metadata: JSON.stringify({ company: "XYZ Corp", role: "Director", source: "Website" }),
      created_at: "2023-07-16T09:45:12.000Z",
      updated_at: "2023-07-16T09:45:12.000Z",
    },
  ];
}

// The document lists conv_789ghi first with a total of 3, newest first: the other two are older
// chats of the same visitor, linked to the contact once they left their details.
function exampleConversations(workspaceId: string): NewConversationRow[] {
  const common = { workspace_id: workspaceId, chatbot_id: EXAMPLE_CHATBOT_ID, contact_id: EXAMPLE_CONTACT_ID };
  return [
    {
      ...common,
      id: "conv_789ghi",
      started_at: "2023-07-15T14:20:00.000Z",
      last_message_at: "2023-07-15T14:22:31.000Z",
      message_count: 6,
      summary: "Customer asked about pricing plans and features for enterprise",
    },
    {
      ...common,
      id: "conv_654jkl",
      started_at: "2023-07-12T10:05:00.000Z",
      last_message_at: "2023-07-12T10:11:42.000Z",
      message_count: 9,
      summary: "Visitor compared the Pro and Enterprise plans and asked about annual billing",
    },
    {
      ...common,
      id: "conv_321mno",
      started_at: "2023-07-03T16:40:00.000Z",
      last_message_at: "2023-07-03T16:43:10.000Z",
      message_count: 3,
      summary: null,
    },
  ];
}

/** Inserts the document's example contacts and conversations; the workspace must have chatbot_456def. */
export async function insertExampleRecords(
  store: Store,
  workspaceId: string,
): Promise<{ contacts: number; conversations: number }> {
  const contacts = exampleContacts(workspaceId);
  const conversations = exampleConversations(workspaceId);
  await insertContacts(store, contacts);
  await insertConversations(store, conversations);
  return { contacts: contacts.length, conversations: conversations.length };
}
