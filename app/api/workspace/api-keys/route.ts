import { createApiKey, listActiveApiKeys } from "@/lib/api-keys/repository";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { serializeApiKey } from "@/lib/api-keys/serialize";
import { methodNotAllowed } from "@/lib/api/fallback-routes";
import { staffRoute } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json-body";
import { success } from "@/lib/api/respond";
import { parseOrThrow } from "@/lib/api/validation";

// GET /api/workspace/api-keys — the workspace's active API keys, newest first (never the secrets)
export const GET = staffRoute(async ({ principal, store }) => {
  const apiKeys = await listActiveApiKeys(store, principal.workspaceId);
  return success({ apiKeys: apiKeys.map(serializeApiKey) });
});

// POST /api/workspace/api-keys — create a key; the answer is the only time the key itself is shown
export const POST = staffRoute(async ({ request, principal, store }) => {
  const input = parseOrThrow(createApiKeySchema, await readJsonBody(request));
  const { apiKey, key } = await createApiKey(store, principal.workspaceId, input.name);
  return success({ apiKey: serializeApiKey(apiKey), key }, 201);
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
