import { getStore, type Store } from "../db/client";
import { log, logRequest } from "../log";
import { nonDocumentSecurityHeaders } from "../security/headers";
import { authenticateStaff, type ApiPrincipal } from "./auth";
import { ApiError, apiErrorOf } from "./errors";
import { consumeBudget } from "./rate-limit";
import { requestIdFrom } from "./request-id";
import { failure } from "./respond";

// What every API answer goes through, /v1 (lib/api/app.ts) and the dashboard's /api/workspace
// routes alike: a request id, the mapping of any thrown error to the contract's envelope, the
// security headers and one log line.

type HeaderRecord = Record<string, string>;

export function requestIdOf(request: Request): string {
  return requestIdFrom(request.headers.get("x-request-id"));
}

let securityHeaders: HeaderRecord | undefined;

/** The headers every API answer carries: its request id and the security headers. */
export function answerHeaders(requestId: string): HeaderRecord {
  securityHeaders ??= nonDocumentSecurityHeaders();
  return { "X-Request-Id": requestId, ...securityHeaders };
}

/** The path of a request's URL, as `new URL(url).pathname` gives it (the URL is already normalized), for less. */
export function pathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start === -1) return "/";
  const end = url.indexOf("?", start);
  return end === -1 ? url.slice(start) : url.slice(start, end);
}

/** A thrown error as the contract's envelope; anything unexpected is logged and says only `internal_error`. */
export function errorResponse(error: unknown, request: Request, requestId: string, headers: HeaderRecord = {}): Response {
  const all = { ...answerHeaders(requestId), ...headers };
  const known = apiErrorOf(error);
  if (known) return failure(known, all);
  log.error({ err: error, requestId, method: request.method, path: pathOf(request.url) }, "unhandled error in API route");
  return failure(new ApiError("internal_error", `Something went wrong on our side; quote request id ${requestId}`), all);
}

/** Logs an answer: the path only (query strings carry search terms), never headers or body. */
export function logAnswer(method: string, path: string, status: number, requestId: string, started: number): void {
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  logRequest({ requestId, method, path, status, durationMs });
}

/**
 * Spends the caller's budget, then runs `work` with the headers its answer must carry (request id,
 * security, rate limit); an error thrown by `work` is answered with the same headers.
 */
export async function withinBudget(
  principal: ApiPrincipal,
  request: Request,
  requestId: string,
  work: (headers: HeaderRecord) => Promise<Response>,
): Promise<Response> {
  const rateHeaders = await consumeBudget(principal);
  try {
    return await work({ ...answerHeaders(requestId), ...rateHeaders });
  } catch (error) {
    return errorResponse(error, request, requestId, rateHeaders);
  }
}

type RouteContext<P> = { params: Promise<P> };

export interface StaffContext<P> {
  request: Request;
  params: P;
  principal: Extract<ApiPrincipal, { kind: "staff" }>;
  store: Store;
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
  logAnswer(request.method, pathOf(request.url), response.status, requestId, started);
  return response;
}

function withHeaders(response: Response, headers: HeaderRecord): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** A dashboard-only route (/api/workspace/…): a staff session, never an API key. */
export function staffRoute<P = Record<string, never>>(handler: (ctx: StaffContext<P>) => Promise<Response>) {
  return (request: Request, context: RouteContext<P>) =>
    guarded(request, async (requestId) => {
      const store = await getStore();
      const principal = await authenticateStaff(request);
      return withinBudget(principal, request, requestId, async (headers) =>
        withHeaders(await handler({ request, params: await context.params, principal, store }), headers),
      );
    });
}

/** A route anyone may call (a 405 of the dashboard's routes). */
export function publicRoute(handler: (request: Request) => Promise<Response> | Response) {
  return (request: Request) => guarded(request, async (requestId) => withHeaders(await handler(request), answerHeaders(requestId)));
}
