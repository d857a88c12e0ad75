import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, type ErrorCode } from "../api/errors";
import { answerHeaders } from "../api/handler";
import { requestIdFrom } from "../api/request-id";
import { failureParts } from "../api/respond";
import type { FieldErrors } from "../errors";

// Errors the HTTP server answers itself, around the API app: in the contract's envelope, with the
// request id and security headers every API answer carries (the same answer the app would give).

/** Status, headers and body of such an answer; `givenRequestId` is the caller's X-Request-Id, if any. */
export function apiErrorAnswer(code: ErrorCode, message: string, givenRequestId?: string, details?: FieldErrors) {
  return failureParts(new ApiError(code, message, details), answerHeaders(requestIdFrom(givenRequestId)));
}

export function answerApiError(req: IncomingMessage, res: ServerResponse, code: ErrorCode, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const givenRequestId = typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"] : undefined;
  const { status, headers, body } = apiErrorAnswer(code, message, givenRequestId);
  res.writeHead(status, headers);
  res.end(body);
}
