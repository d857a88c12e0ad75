import { staffRoute } from "@/lib/api/handler";
import { success } from "@/lib/api/respond";
import { listChatbots } from "@/lib/chatbots/repository";

// GET /api/workspace/chatbots — the signed-in staff member's chatbots (for filters and forms)
export const GET = staffRoute(async ({ principal, store }) => {
  const chatbots = await listChatbots(store, principal.workspaceId);
  return success({ chatbots: chatbots.map(({ id, name }) => ({ id, name })) });
});
