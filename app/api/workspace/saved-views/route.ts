import { methodNotAllowed } from "@/lib/api/fallback-routes";
import { staffRoute } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json-body";
import { success } from "@/lib/api/respond";
import { parseOrThrow } from "@/lib/api/validation";
import { createSavedView, listSavedViews } from "@/lib/saved-views/repository";
import { createSavedViewSchema } from "@/lib/saved-views/schemas";

// GET /api/workspace/saved-views — the staff member's saved views of the contacts list, then those others shared
export const GET = staffRoute(async ({ principal, store }) => {
  return success({ savedViews: await listSavedViews(store, principal.workspaceId, principal.userId) });
});

// POST /api/workspace/saved-views — save a view (a name and the list's query string), optionally shared
export const POST = staffRoute(async ({ request, principal, store }) => {
  const input = parseOrThrow(createSavedViewSchema, await readJsonBody(request));
  return success({ savedView: await createSavedView(store, principal.workspaceId, principal.userId, input) }, 201);
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
