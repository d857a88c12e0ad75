import { ApiError } from "./errors";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

function jsonResponse(body: unknown, status: number, headers: HeadersInit = {}): Response {
  const response = new Response(JSON.stringify(body), { status, headers });
  response.headers.set("content-type", JSON_CONTENT_TYPE);
  response.headers.set("cache-control", "no-store");
  return response;
}

export function success(data: unknown, status = 200): Response {
  return jsonResponse({ status: "success", data }, status);
}

/** The contract's error envelope; `details` only where there are some. */
export function errorEnvelope(error: Pick<ApiError, "code" | "message" | "details">) {
  return { status: "error", error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}

export function failure(error: ApiError): Response {
  return jsonResponse(errorEnvelope(error), error.status, error.headers);
}
