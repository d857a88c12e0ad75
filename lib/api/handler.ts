import { randomUUID } from "node:crypto";
import { getStore, type Store } from "../db/client";
import { log } from "../log";
import { nonDocumentSecurityHeaders } from "../security/headers";
import { authenticate, authenticateStaff, type ApiPrincipal } from "./auth";
import { ApiError } from "./errors";
import { consumeBudget } from "./rate-limit";
import { failure } from "./respond";

// Every /v1 handler runs inside one of these wrappers: request id, authentication, rate limit and
// the mapping of any thrown error to the contract's envelope happen here and nowhere else.

type RouteContext<P> = { params: Promise<P> };

export interface ApiContext<P> {
  request: Request;
  params: P;
  principal: ApiPrincipal;
  store: Store;
}

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

function errorResponse(error: unknown, request: Request, requestId: string): Response {
  if (error instanceof ApiError) return failure(error);
  const { pathname } = new URL(request.url);
  log.error({ err: error, requestId, method: request.method, path: pathname }, "unhandled error in API route");
  return failure(new ApiError("internal_error", `Something went wrong on our side; quote request id ${requestId}`));
}

async function guarded(request: Request, work: (requestId: string) => Promise<Response>): Promise<Response> {
  const requestId = requestIdOf(request);
  const started = performance.now();
  let response: Response;
  try {
    response = await work(requestId);
  } catch (error) {
    response = errorResponse(error, request, requestId);
  }
  response.headers.set("X-Request-Id", requestId);
  for (const [name, value] of Object.entries(nonDocumentSecurityHeaders())) response.headers.set(name, value);
  // One line per request: the path only (query strings carry search terms), never headers or body.
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  log.info({ requestId, method: request.method, path: new URL(request.url).pathname, status: response.status, durationMs }, "request");
  return response;
}

type Authenticator = (store: Store, request: Request) => Promise<ApiPrincipal>;

function authenticatedRoute<P>(authenticateCaller: Authenticator, handler: (ctx: ApiContext<P>) => Promise<Response>) {
  return (request: Request, context: RouteContext<P>) =>
    guarded(request, async (requestId) => {
      const store = await getStore();
      const principal = await authenticateCaller(store, request);
      const rateHeaders = await consumeBudget(principal);
      let response: Response;
      try {
        response = await handler({ request, params: await context.params, principal, store });
      } catch (error) {
        response = errorResponse(error, request, requestId);
      }
      for (const [name, value] of Object.entries(rateHeaders)) response.headers.set(name, value);
      return response;
    });
}

/** A /v1 route: an integration's API key or a signed-in staff member's session. */
export function apiRoute<P = Record<string, never>>(handler: (ctx: ApiContext<P>) => Promise<Response>) {
  return authenticatedRoute(authenticate, handler);
}

/** A dashboard-only route (/api/workspace/…): a staff session, never an API key. */
export function staffRoute<P = Record<string, never>>(handler: (ctx: ApiContext<P>) => Promise<Response>) {
  return authenticatedRoute((_store, request) => authenticateStaff(request), handler);
}

/** A /v1 route anyone may call (the OpenAPI document, unknown paths). */
export function publicRoute(handler: (request: Request) => Promise<Response> | Response) {
  return (request: Request) => guarded(request, async () => handler(request));
}
