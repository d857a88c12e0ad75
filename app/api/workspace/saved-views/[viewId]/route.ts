import { ApiError } from "@/lib/api/errors";
import { methodNotAllowed } from "@/lib/api/fallback-routes";
import { staffRoute } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json-body";
import { success } from "@/lib/api/respond";
import { parseOrThrow } from "@/lib/api/validation";
import { deleteSavedView, updateSavedView } from "@/lib/saved-views/repository";
import { updateSavedViewSchema } from "@/lib/saved-views/schemas";
import { isStorableText } from "@/lib/validation/text";

type Params = { viewId: string };

function viewIdOf(params: Params): string {
  if (!isStorableText(params.viewId)) throw new ApiError("not_found", "Saved view not found");
  return params.viewId;
}

// PATCH /api/workspace/saved-views/{viewId} — rename, share or unshare, or save another query (the owner only)
export const PATCH = staffRoute<Params>(async ({ request, params, principal, store }) => {
  const viewId = viewIdOf(params);
  const change = parseOrThrow(updateSavedViewSchema, await readJsonBody(request));
  return success({ savedView: await updateSavedView(store, principal.workspaceId, principal.userId, viewId, change) });
});

// DELETE /api/workspace/saved-views/{viewId} — the owner only; another's private view is not found
export const DELETE = staffRoute<Params>(async ({ params, principal, store }) => {
  const viewId = viewIdOf(params);
  await deleteSavedView(store, principal.workspaceId, principal.userId, viewId);
  return success({ deleted: true, id: viewId });
});

const notAllowed = methodNotAllowed(["PATCH", "DELETE"]);
export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
