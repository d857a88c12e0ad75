// Seeds the e2e database: the demo workspace (as `npm start` makes it), a staff user with a known
// password, a contact with a long conversation history, one whose conversation summaries carry
// markup, and a second workspace the first must never see. Prints what the specs need as one line
// of JSON. Run with `node --import tsx`.
import { createContact } from "../../lib/contacts/service";
import { insertConversations } from "../../lib/conversations/repository";
import { openMigratedStore } from "../../lib/db/client";
import { newId } from "../../lib/ids";
import { bootstrapDatabase } from "../../lib/seed/bootstrap";
import { DEMO_WORKSPACE_NAME } from "../../lib/seed/demo-defaults";
import { createDemoWorkspace } from "../../lib/seed/demo-workspace";
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
// A second staff member of the workspace, for specs that change per-user preferences (columns):
// the other specs, running beside them as Erin, keep the defaults.
const secondStaff = { email: "e2e.second@example.com", password: "e2e-password-2", name: "Sam Second" };
await createStaffUser(store, workspaceId, secondStaff);

const timelineContact = await createContact(store, workspaceId, {
  chatbotId: chatbotIds[0],
  name: "Timeline Tester",
  email: "timeline.tester@example.com",
  metadata: { plan: "pro" },
});
const now = Date.now();

/** One conversation per summary for one contact: the i-th started `hoursAgo(i)` hours ago and lasted `minutes`. */
function conversationsOf(contactId: string, chatbotId: string, summaries: readonly string[], shape: { hoursAgo: (i: number) => number; minutes: number; messageCount: (i: number) => number }) {
  return summaries.map((summary, i) => {
    const started = now - shape.hoursAgo(i) * HOUR;
    return {
      workspace_id: workspaceId,
      id: newId("conv_"),
      chatbot_id: chatbotId,
      contact_id: contactId,
      started_at: new Date(started).toISOString(),
      last_message_at: new Date(started + shape.minutes * 60_000).toISOString(),
      message_count: shape.messageCount(i),
      summary,
    };
  });
}

const timelineSummaries = Array.from({ length: TIMELINE_CONVERSATIONS }, (_, i) => `Timeline conversation ${i + 1}`);
await insertConversations(
  store,
  conversationsOf(timelineContact.id, chatbotIds[0], timelineSummaries, { hoursAgo: (i) => i * 9 + 1, minutes: 12, messageCount: (i) => i + 2 }),
);

// Conversations are written by the chat platform, not through the API: summaries carrying markup come from here.
const xssContact = await createContact(store, workspaceId, { chatbotId: chatbotIds[1], name: "Summary Payloads" });
await insertConversations(
  store,
  conversationsOf(xssContact.id, chatbotIds[1], XSS_SUMMARIES, { hoursAgo: (i) => i + 1, minutes: 5, messageCount: () => 3 }),
);

const other = await createDemoWorkspace(store, "Other Workspace", newId("chatbot_"));
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
    secondStaff,
    timelineContactId: timelineContact.id,
    timelineConversations: TIMELINE_CONVERSATIONS,
    otherWorkspaceContactId: otherContact.id,
    xssContactId: xssContact.id,
  }),
);
