import { Hono, type Context } from "hono";
import { getStore, type Store } from "../db/client";
import { answerOnce, idempotencyKeyOf, readBodyAhead } from "../idempotency/service";
import { buildOpenApiDocument } from "../openapi/document";
import { authenticate, type ApiPrincipal } from "./auth";
import { ApiError } from "./errors";
import { allowHeader, methodNotAllowedError } from "./fallback-routes";
import { answerHeaders, errorResponse, logAnswer, pathOf, requestIdOf, withinBudget } from "./handler";
import { parseRequest } from "./parse-request";
import { failure, JSON_CONTENT_TYPE, success } from "./respond";
import type { AnyRoute } from "./route";

// The /v1 API as one Hono app built from the route definitions: Next.js mounts it under `next dev`
// (app/v1/[[...route]]/route.ts), the production server calls it directly (lib/server). Trailing
// slashes are not stripped (`/v1/contacts/` is an unknown path), HEAD is answered by GET.

type Env = { Variables: { requestId: string } };

const OPENAPI_PATH = "/v1/openapi.json";

/** `/v1/contacts/{contactId}` → `/v1/contacts/:contactId` */
const routerPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");
const isParameter = (segment: string) => segment.startsWith("{");

/**
 * Hono tries routes in the order they were added, so a static segment must be added before a
 * parameter in the same place: `/v1/contacts/export` before `/v1/contacts/{contactId}`.
 */
export function byPrecedence<R extends { path: string }>(routes: readonly R[]): R[] {
  const rank = (route: R) => route.path.split("/").map((segment) => (isParameter(segment) ? "1" : "0")).join("");
  return [...routes].sort((a, b) => rank(a).localeCompare(rank(b)));
}

interface AnswerContext {
  principal: ApiPrincipal;
  store: Store;
  headers: Record<string, string>;
}

async function respond(route: AnyRoute, request: Request, params: Record<string, string>, context: AnswerContext, bodyBytes?: () => Promise<Uint8Array>) {
  const input = await parseRequest(route.request, request, params, bodyBytes);
  const result = await route.handler({ ...input, principal: context.principal, store: context.store, request });
  const headers = result.headers ? { ...context.headers, ...result.headers } : context.headers;
  if (result.notModified) return new Response(null, { status: 304, headers });
  return success(result.data, result.status, headers);
}

async function answer(route: AnyRoute, request: Request, requestId: string, params: Record<string, string>): Promise<Response> {
  const store = await getStore();
  // Who is calling comes first: a bad key is a 401 even when the id or the body is wrong too.
  const principal = await authenticate(store, request);
  // After the rate limit (a 429 is not kept) and before parsing: a kept answer is replayed whatever it was.
  return withinBudget(principal, request, requestId, async (headers) => {
    const context = { principal, store, headers };
    const key = idempotencyKeyOf(request);
    if (key === null) return respond(route, request, params, context);
    const body = await readBodyAhead(request, route.request.body !== undefined);
    const keyed = { key, method: request.method, path: pathOf(request.url), fingerprint: body.fingerprint };
    return answerOnce(store, principal, keyed, headers, () =>
      respond(route, request, params, context, body.bytes).catch((error: unknown) => errorResponse(error, request, requestId, headers)),
    );
  });
}

export function createApiApp(routes: readonly AnyRoute[]): Hono<Env> {
  const app = new Hono<Env>({ strict: true });

  app.use("*", async (c, next) => {
    const requestId = requestIdOf(c.req.raw);
    const started = performance.now();
    c.set("requestId", requestId);
    await next();
    logAnswer(c.req.method, pathOf(c.req.url), c.res.status, requestId, started);
  });
  // Every answer is built with its headers (answerHeaders): none are added afterwards.
  app.onError((error, c) => errorResponse(error, c.req.raw, c.get("requestId")));
  // Returned, not thrown: Hono hands an error thrown here past the middleware above.
  app.notFound((c) => failure(new ApiError("not_found", `No such endpoint: ${c.req.method} ${pathOf(c.req.url)}`), answerHeaders(c.get("requestId"))));

  let openApiDocument: string | undefined;
  // GET /v1/openapi.json — the API's OpenAPI 3.1 document (no key needed)
  app.get(OPENAPI_PATH, (c) => {
    openApiDocument ??= JSON.stringify(buildOpenApiDocument(routes));
    const headers = { ...answerHeaders(c.get("requestId")), "content-type": JSON_CONTENT_TYPE, "cache-control": "public, max-age=300" };
    return new Response(openApiDocument, { headers });
  });
  const paths = [{ path: OPENAPI_PATH, routes: [] as AnyRoute[] }];
  for (const route of routes) {
    const entry = paths.find((p) => p.path === route.path);
    if (entry) entry.routes.push(route);
    else paths.push({ path: route.path, routes: [route] });
  }
  // Path by path, a static segment before a parameter: a path's own 405 comes before a later
  // path's handlers could claim the request.
  for (const { path, routes: onPath } of byPrecedence(paths)) {
    for (const route of onPath) {
      app.on(route.method.toUpperCase(), routerPath(path), (c: Context<Env>) =>
        answer(route, c.req.raw, c.get("requestId"), c.req.param() as Record<string, string>),
      );
    }
    const methods = path === OPENAPI_PATH ? ["GET"] : onPath.map((route) => route.method.toUpperCase());
    // Every other method on a known path: OPTIONS lists what is allowed, anything else is a 405.
    app.options(routerPath(path), (c) => new Response(null, { status: 204, headers: { ...answerHeaders(c.get("requestId")), Allow: allowHeader(methods) } }));
    app.all(routerPath(path), (c) => {
      throw methodNotAllowedError(c.req.method, methods);
    });
  }
  return app;
}
