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

export function failure(error: ApiError): Response {
  const body = { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  return jsonResponse({ status: "error", error: body }, error.status, error.headers);
}
