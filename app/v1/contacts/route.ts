import { methodNotAllowed } from "@/lib/api/fallback-routes";
import { apiRoute } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json-body";
import { success } from "@/lib/api/respond";
import { parseOrThrow } from "@/lib/api/validation";
import { createContactSchema, listContactsQuerySchema } from "@/lib/contacts/schemas";
import { createContact, listContacts } from "@/lib/contacts/service";

// GET /v1/contacts — list, filter, search and sort the workspace's contacts
export const GET = apiRoute(async ({ request, principal, store }) => {
  const query = parseOrThrow(listContactsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return success(await listContacts(store, principal.workspaceId, query));
});

// POST /v1/contacts — create a contact for one of the workspace's chatbots
export const POST = apiRoute(async ({ request, principal, store }) => {
  const input = parseOrThrow(createContactSchema, await readJsonBody(request));
  return success({ contact: await createContact(store, principal.workspaceId, input) }, 201);
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
