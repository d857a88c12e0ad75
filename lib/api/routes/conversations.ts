import { contactIdParamsSchema } from "../../contacts/schemas";
import { listContactConversations } from "../../contacts/service";
import { conversationListSchema, listConversationsQuerySchema } from "../../conversations/schemas";
import { defineRoute } from "../route";
import { CONTACT_NOT_FOUND } from "./contacts";

// GET /v1/contacts/{contactId}/conversations — the contact's conversations, newest first
export const listContactConversationsRoute = defineRoute({
  method: "get",
  path: "/v1/contacts/{contactId}/conversations",
  operationId: "listContactConversations",
  summary: "List a contact's conversations",
  description: "A page of the contact's conversations, newest `startedAt` first, with message counts and summaries (`summary` may be null).",
  tag: "Contacts",
  request: { params: contactIdParamsSchema, query: listConversationsQuerySchema },
  success: { status: 200, description: "A page of conversations, newest first.", data: conversationListSchema },
  errors: {
    validation_error: "Invalid query parameter, or a known one given twice (`validation_error`).",
    not_found: CONTACT_NOT_FOUND,
  },
  handler: async ({ params, query, principal, store }) => ({
    status: 200,
    data: await listContactConversations(store, principal.workspaceId, params.contactId, query),
  }),
});
