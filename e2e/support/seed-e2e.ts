// Seeds the e2e database: the demo workspace (as `npm start` makes it), a staff user with a known
// password, a contact with a long conversation history, one whose conversation summaries carry
// markup, and a second workspace the first must never see. Prints what the specs need as one line
// of JSON. Run with `node --import tsx`.
import { createContact } from "../../lib/contacts/service";
import { insertConversations } from "../../lib/conversations/repository";
import { openMigratedStore } from "../../lib/db/client";
import { newId } from "../../lib/ids";
import { bootstrapDatabase } from "../../lib/seed/bootstrap";
import { createDemoWorkspace, DEMO_WORKSPACE_NAME } from "../../lib/seed/demo-workspace";
import { createStaffUser } from "../../lib/staff/repository";
import { XSS_SUMMARIES } from "./xss-payloads";

const TIMELINE_CONVERSATIONS = 32;
const HOUR = 3_600_000;

const store = await openMigratedStore();
const boot = await bootstrapDatabase(store, { port: 0 });
if (!boot.created) throw new Error("the e2e database must be fresh");
const { workspaceId, chatbotIds } = boot.demo;

const staff = { email: "e2e.staff@example.com", password: "e2e-password-1", name: "Erin Tester" };
await createStaffUser(store, workspaceId, staff);

const timelineContact = await createContact(store, workspaceId, {
  chatbotId: chatbotIds[0],
  name: "Timeline Tester",
  email: "timeline.tester@example.com",
  metadata: { plan: "pro" },
});
const now = Date.now();
await insertConversations(
  store.db,
  store.dialect,
  Array.from({ length: TIMELINE_CONVERSATIONS }, (_, i) => {
    const started = now - (i * 9 + 1) * HOUR;
    return {
      workspace_id: workspaceId,
      id: newId("conv_"),
      chatbot_id: chatbotIds[0],
      contact_id: timelineContact.id,
      started_at: new Date(started).toISOString(),
      last_message_at: new Date(started + 12 * 60_000).toISOString(),
      message_count: i + 2,
      summary: `Timeline conversation ${i + 1}`,
    };
  }),
);

// Conversations are written by the chat platform, not through the API: summaries carrying markup come from here.
const xssContact = await createContact(store, workspaceId, { chatbotId: chatbotIds[1], name: "Summary Payloads" });
await insertConversations(
  store.db,
  store.dialect,
  XSS_SUMMARIES.map((summary, i) => {
    const started = now - (i + 1) * HOUR;
    return {
      workspace_id: workspaceId,
      id: newId("conv_"),
      chatbot_id: chatbotIds[1],
      contact_id: xssContact.id,
      started_at: new Date(started).toISOString(),
      last_message_at: new Date(started + 5 * 60_000).toISOString(),
      message_count: 3,
      summary,
    };
  }),
);

const other = await createDemoWorkspace(store.db, "Other Workspace", newId("chatbot_"));
const otherContact = await createContact(store, other.workspace.id, {
  chatbotId: other.chatbots[0].id,
  name: "Outsider Olive",
});

await store.db.destroy();
console.log(
  JSON.stringify({
    workspaceId,
    workspaceName: DEMO_WORKSPACE_NAME,
    chatbotIds,
    apiKey: boot.demo.apiKey,
    staff,
    timelineContactId: timelineContact.id,
    timelineConversations: TIMELINE_CONVERSATIONS,
    otherWorkspaceContactId: otherContact.id,
    xssContactId: xssContact.id,
  }),
);
