import { ApiError } from "./errors";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

type HeaderRecord = Record<string, string>;

// Each answer is built once with all its headers: setting headers on a Response afterwards costs
// more than the rest of building it.
function jsonHeaders(json: string, headers: HeaderRecord): HeaderRecord {
  return { "content-type": JSON_CONTENT_TYPE, "cache-control": "no-store", "content-length": String(Buffer.byteLength(json)), ...headers };
}

/** An answer whose JSON text is written already (a kept answer, replayed). */
export function jsonResponse(json: string, status: number, headers: HeaderRecord): Response {
  return new Response(json, { status, headers: jsonHeaders(json, headers) });
}

/** The success envelope around `data`; a string is `data`'s JSON text (lib/json-text.ts), spliced in as is. */
export function success(data: unknown, status = 200, headers: HeaderRecord = {}): Response {
  if (typeof data === "string") return jsonResponse(`{"status":"success","data":${data}}`, status, headers);
  return jsonResponse(JSON.stringify({ status: "success", data }), status, headers);
}

/** The contract's error envelope; `details` only where there are some. */
export function errorEnvelope(error: Pick<ApiError, "code" | "message" | "details">) {
  return { status: "error", error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}

/**
 * The error envelope's status, headers and body, for whoever writes them (a Response, or the HTTP
 * server straight to Node). `headers` are the answer's own (request id, rate limit); the error's
 * headers (Retry-After, …) come last.
 */
export function failureParts(error: ApiError, headers: HeaderRecord = {}) {
  const body = JSON.stringify(errorEnvelope(error));
  return { status: error.status, headers: jsonHeaders(body, { ...headers, ...error.headers }), body };
}

export function failure(error: ApiError, headers: HeaderRecord = {}): Response {
  const { status, headers: all, body } = failureParts(error, headers);
  return new Response(body, { status, headers: all });
}
