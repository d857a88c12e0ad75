import { methodNotAllowed } from "@/lib/api/fallback-routes";
import { publicRoute } from "@/lib/api/handler";
import { JSON_CONTENT_TYPE } from "@/lib/api/respond";
import { buildOpenApiDocument } from "@/lib/openapi/document";

const document = JSON.stringify(buildOpenApiDocument());

// GET /v1/openapi.json — the API's OpenAPI 3.1 document (no key needed)
export const GET = publicRoute(
  () => new Response(document, { headers: { "content-type": JSON_CONTENT_TYPE, "cache-control": "public, max-age=300" } }),
);

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
