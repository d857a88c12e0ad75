import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { ERROR_STATUS, type ErrorCode } from "../api/errors";
import type { AnyRoute } from "../api/route";
import { DETAIL_FIELD_MAX_LENGTH } from "../validation/issues";
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from "../idempotency/schemas";
import {
  documentedHeaders,
  failedAuthenticationLimitHeaders,
  idempotentReplayedHeader,
  rateLimitHeaders,
  requestIdHeader,
  retryAfterHeader,
  wwwAuthenticateHeader,
} from "./headers";

// The OpenAPI 3.1 document, built from the route definitions: the same zod schemas the router
// validates with, the same error table (lib/api/errors.ts) the handlers answer with.

const errorSchema = z
  .object({
    status: z.literal("error"),
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().max(1000),
      details: z
        .record(z.string().max(DETAIL_FIELD_MAX_LENGTH), z.string().max(1000))
        .optional()
        .meta({ description: "validation_error only: field → message; nested fields are dotted (`metadata.plan`)." }),
    }),
  })
  .meta({ id: "Error" });

const successEnvelope = (data: z.ZodType) => z.object({ status: z.literal("success"), data });
const json = (schema: z.ZodType) => ({ "application/json": { schema } });

const errorResponse = (description: string, headers: Record<string, z.ZodType> = {}): ZodOpenApiResponseObject => ({
  description,
  headers: z.object({ ...requestIdHeader, ...headers }),
  content: json(errorSchema),
});

// After authentication every answer carries the caller's budget; a 401 carries the budget of
// failed authentications from the caller's address instead; our own failure (500) carries neither.
const authenticatedErrors = {
  "401": errorResponse("Missing, malformed, unknown or revoked API key.", { ...failedAuthenticationLimitHeaders, ...wwwAuthenticateHeader }),
  "429": errorResponse(
    "Over the rate limit: the key's requests, or (without a valid key) the address's failed authentications; the `X-RateLimit-*` headers describe the budget that ran out. See `Retry-After`.",
    { ...rateLimitHeaders, ...retryAfterHeader },
  ),
  "500": errorResponse("Unexpected error; nothing is leaked, the request id is logged."),
};

// Only a dashboard session can meet this: API keys are never refused for where a request came from.
const crossSiteWrite = {
  "403": errorResponse("A write with the dashboard's session cookie from another site (`forbidden`).", rateLimitHeaders),
};

// Every route with a body reads it through lib/api/read-json-body.ts, which gives these.
const bodyErrors: Partial<Record<ErrorCode, string>> = {
  payload_too_large: "Body larger than 1 MiB.",
  unsupported_media_type: "Content-Type is not application/json.",
};

// Every write may carry Idempotency-Key (lib/idempotency): its kept answers come back marked as
// replayed, a malformed key is a validation_error, and a key in use or reused has answers of its own.
const idempotencyErrors = {
  "409": errorResponse(
    "Another request with this `Idempotency-Key` is still running (`idempotency_key_in_use`). See `Retry-After`.",
    { ...rateLimitHeaders, ...retryAfterHeader },
  ),
  "422": errorResponse("This `Idempotency-Key` was used for another method, path or body (`idempotency_key_reused`).", rateLimitHeaders),
};
const INVALID_IDEMPOTENCY_KEY = "an `Idempotency-Key` that is not 1–255 printable ASCII characters (`validation_error` on `Idempotency-Key`).";

function writeErrors(route: AnyRoute): Partial<Record<ErrorCode, string>> {
  const validation = route.errors.validation_error;
  return { validation_error: validation ? `${validation} Also ${INVALID_IDEMPOTENCY_KEY}` : `An invalid request: ${INVALID_IDEMPOTENCY_KEY}` };
}

/** The request headers a route reads (conditional requests), and Idempotency-Key on every write. */
function requestHeaders(route: AnyRoute, isWrite: boolean) {
  const idempotency = isWrite ? { [IDEMPOTENCY_KEY_HEADER]: idempotencyKeySchema.optional() } : {};
  return z.object({ ...(route.request.headers?.shape ?? {}), ...idempotency });
}

function operation(route: AnyRoute): ZodOpenApiOperationObject {
  const isWrite = route.method !== "get";
  const replayable = isWrite ? idempotentReplayedHeader : {};
  const routeErrors: Partial<Record<ErrorCode, string>> = { ...route.errors, ...(route.request.body ? bodyErrors : {}), ...(isWrite ? writeErrors(route) : {}) };
  const errors = Object.entries(routeErrors).map(([code, description]) => [
    String(ERROR_STATUS[code as ErrorCode]),
    errorResponse(description ?? code, { ...rateLimitHeaders, ...replayable }),
  ]);
  const successHeaders = Object.fromEntries((route.success.headers ?? []).map((name: keyof typeof documentedHeaders) => [name, documentedHeaders[name]]));
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    tags: [route.tag],
    requestParams: {
      ...(route.request.params ? { path: route.request.params } : {}),
      ...(route.request.query ? { query: route.request.query } : {}),
      ...(isWrite || route.request.headers ? { header: requestHeaders(route, isWrite) } : {}),
    },
    ...(route.request.body ? { requestBody: { required: true, content: json(route.request.body) } } : {}),
    responses: {
      [String(route.success.status)]: {
        description: route.success.description,
        headers: z.object({ ...requestIdHeader, ...rateLimitHeaders, ...successHeaders, ...replayable }),
        content: json(successEnvelope(route.success.data)),
      },
      ...(route.notModified ? { "304": { description: route.notModified, headers: z.object({ ...requestIdHeader, ...rateLimitHeaders, ETag: documentedHeaders.ETag }) } } : {}),
      ...Object.fromEntries(errors),
      ...(isWrite ? { ...crossSiteWrite, ...idempotencyErrors } : {}),
      ...authenticatedErrors,
    },
  };
}

function paths(routes: readonly AnyRoute[]): ZodOpenApiPathsObject {
  const byPath: ZodOpenApiPathsObject = {};
  for (const route of routes) byPath[route.path] = { ...byPath[route.path], [route.method]: operation(route) };
  return byPath;
}

export function buildOpenApiDocument(routes: readonly AnyRoute[], serverUrl = "/") {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Nexvio Contacts API",
      version: "1.0.0",
      description: "Manage the contacts your Nexvio chatbots collect. 100 requests per minute per API key.",
      license: { name: "Proprietary", identifier: "LicenseRef-Nexvio" },
      contact: { name: "Nexvio" },
    },
    // For integrators, not an internal API (OWASP API9: say who each server is for).
    servers: [{ url: serverUrl, "x-internal": false }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "Contacts", description: "Contacts and their conversations." },
      { name: "Webhooks", description: "Endpoints that receive contact events, signed per Standard Webhooks, and their deliveries." },
    ],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "Authorization: Bearer nxv_…" } },
    },
    paths: paths(routes),
  });
}
