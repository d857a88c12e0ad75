import { methodNotAllowed } from "@/lib/api/fallback-routes";
import { apiRoute } from "@/lib/api/handler";
import { success } from "@/lib/api/respond";
import { parseOrThrow } from "@/lib/api/validation";
import { listContactConversations } from "@/lib/contacts/service";
import { listConversationsQuerySchema } from "@/lib/conversations/schemas";

type Params = { contactId: string };

// GET /v1/contacts/{contactId}/conversations — the contact's conversations, newest first
export const GET = apiRoute<Params>(async ({ request, params, principal, store }) => {
  const query = parseOrThrow(listConversationsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return success(await listContactConversations(store, principal.workspaceId, params.contactId, query));
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
