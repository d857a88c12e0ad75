import { methodNotAllowed } from "@/lib/api/fallback-routes";
import { apiRoute } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json-body";
import { success } from "@/lib/api/respond";
import { parseOrThrow } from "@/lib/api/validation";
import { updateContactSchema } from "@/lib/contacts/schemas";
import { deleteContact, getContact, updateContact } from "@/lib/contacts/service";

type Params = { contactId: string };

const IMMUTABLE_ON_UPDATE = { chatbotId: "Cannot be changed after creation" };

// GET /v1/contacts/{contactId} — one contact with its latest conversations
export const GET = apiRoute<Params>(async ({ params, principal, store }) =>
  success({ contact: await getContact(store, principal.workspaceId, params.contactId) }),
);

// PATCH /v1/contacts/{contactId} — change fields; metadata is merged key by key
export const PATCH = apiRoute<Params>(async ({ request, params, principal, store }) => {
  const input = parseOrThrow(updateContactSchema, await readJsonBody(request), IMMUTABLE_ON_UPDATE);
  return success({ contact: await updateContact(store, principal.workspaceId, params.contactId, input) });
});

// DELETE /v1/contacts/{contactId} — delete a contact; its conversations stay without it
export const DELETE = apiRoute<Params>(async ({ params, principal, store }) => {
  await deleteContact(store, principal.workspaceId, params.contactId);
  return success({ deleted: true, id: params.contactId });
});

const notAllowed = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export { notAllowed as POST, notAllowed as PUT };
