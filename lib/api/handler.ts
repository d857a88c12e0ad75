import { getStore, type Store } from "../db/client";
import { log } from "../log";
import { nonDocumentSecurityHeaders } from "../security/headers";
import { authenticateStaff, type ApiPrincipal } from "./auth";
import { ApiError, apiErrorOf } from "./errors";
import { consumeBudget, type RateLimitHeaders } from "./rate-limit";
import { requestIdFrom } from "./request-id";
import { failure } from "./respond";

// What every API answer goes through, /v1 (lib/api/app.ts) and the dashboard's /api/workspace
// routes alike: a request id, the mapping of any thrown error to the contract's envelope, the
// security headers and one log line.

export function requestIdOf(request: Request): string {
  return requestIdFrom(request.headers.get("x-request-id"));
}

/** A thrown error as the contract's envelope; anything unexpected is logged and says only `internal_error`. */
export function errorResponse(error: unknown, request: Request, requestId: string): Response {
  const known = apiErrorOf(error);
  if (known) return failure(known);
  const { pathname } = new URL(request.url);
  log.error({ err: error, requestId, method: request.method, path: pathname }, "unhandled error in API route");
  return failure(new ApiError("internal_error", `Something went wrong on our side; quote request id ${requestId}`));
}

/** Puts the request id and security headers on an answer and logs it: the path only (query strings carry search terms), never headers or body. */
export function finishResponse(response: Response, request: Request, requestId: string, started: number): Response {
  response.headers.set("X-Request-Id", requestId);
  for (const [name, value] of Object.entries(nonDocumentSecurityHeaders())) response.headers.set(name, value);
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  log.info({ requestId, method: request.method, path: new URL(request.url).pathname, status: response.status, durationMs }, "request");
  return response;
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
  return finishResponse(response, request, requestId, started);
}

/** Spends the caller's budget, then runs `work`; its answer, error or not, carries the rate-limit headers. */
export async function withinBudget(
  principal: ApiPrincipal,
  request: Request,
  requestId: string,
  work: () => Promise<Response>,
): Promise<Response> {
  const rateHeaders: RateLimitHeaders = await consumeBudget(principal);
  let response: Response;
  try {
    response = await work();
  } catch (error) {
    response = errorResponse(error, request, requestId);
  }
  for (const [name, value] of Object.entries(rateHeaders)) response.headers.set(name, value);
  return response;
}

type RouteContext<P> = { params: Promise<P> };

export interface StaffContext<P> {
  request: Request;
  params: P;
  principal: ApiPrincipal;
  store: Store;
}

/** A dashboard-only route (/api/workspace/…): a staff session, never an API key. */
export function staffRoute<P = Record<string, never>>(handler: (ctx: StaffContext<P>) => Promise<Response>) {
  return (request: Request, context: RouteContext<P>) =>
    guarded(request, async (requestId) => {
      const store = await getStore();
      const principal = await authenticateStaff(request);
      return withinBudget(principal, request, requestId, async () => handler({ request, params: await context.params, principal, store }));
    });
}

/** A route anyone may call (a 405 of the dashboard's routes). */
export function publicRoute(handler: (request: Request) => Promise<Response> | Response) {
  return (request: Request) => guarded(request, async () => handler(request));
}
