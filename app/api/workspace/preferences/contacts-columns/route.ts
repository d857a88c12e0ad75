import { methodNotAllowed } from "@/lib/api/fallback-routes";
import { staffRoute } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json-body";
import { success } from "@/lib/api/respond";
import { parseOrThrow } from "@/lib/api/validation";
import { getContactColumns, saveContactColumns } from "@/lib/staff-preferences/repository";
import { contactColumnsSchema } from "@/lib/staff-preferences/schemas";

// GET /api/workspace/preferences/contacts-columns — the contacts table's columns as the signed-in staff member chose them
export const GET = staffRoute(async ({ principal, store }) => {
  return success({ columns: await getContactColumns(store, principal.workspaceId, principal.userId) });
});

// PUT /api/workspace/preferences/contacts-columns — replace that choice
export const PUT = staffRoute(async ({ request, principal, store }) => {
  const columns = parseOrThrow(contactColumnsSchema, await readJsonBody(request));
  return success({ columns: await saveContactColumns(store, principal.workspaceId, principal.userId, columns) });
});

const notAllowed = methodNotAllowed(["GET", "PUT"]);
export { notAllowed as POST, notAllowed as PATCH, notAllowed as DELETE };
