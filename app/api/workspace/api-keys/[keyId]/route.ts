import { revokeApiKey } from "@/lib/api-keys/repository";
import { ApiError } from "@/lib/api/errors";
import { methodNotAllowed } from "@/lib/api/fallback-routes";
import { staffRoute } from "@/lib/api/handler";
import { success } from "@/lib/api/respond";
import { isStorableText } from "@/lib/validation/text";

type Params = { keyId: string };

// DELETE /api/workspace/api-keys/{keyId} — revoke a key of the workspace; it gets 401 from then on.
// Another workspace's key, an unknown id and an already revoked key all answer the same 404.
export const DELETE = staffRoute<Params>(async ({ params, principal, store }) => {
  const revoked = isStorableText(params.keyId) && (await revokeApiKey(store, params.keyId, principal.workspaceId));
  if (!revoked) throw new ApiError("not_found", "API key not found");
  return success({ revoked: true, id: params.keyId });
});

const notAllowed = methodNotAllowed(["DELETE"]);
export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
