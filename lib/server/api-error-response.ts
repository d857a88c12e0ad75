import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorCode } from "../api/errors";
import { ERROR_STATUS } from "../api/errors";
import { requestIdFrom } from "../api/request-id";
import { errorEnvelope, JSON_CONTENT_TYPE } from "../api/respond";
import type { FieldErrors } from "../errors";
import { nonDocumentSecurityHeaders } from "../security/headers";

// Errors the HTTP server answers itself, around the API app: in the contract's envelope, with a
// request id and the security headers every API response carries.

/** Status, headers and body of such an answer; `givenRequestId` is the caller's X-Request-Id, if any. */
export function apiErrorAnswer(code: ErrorCode, message: string, givenRequestId?: string, details?: FieldErrors) {
  const body = JSON.stringify(errorEnvelope({ code, message, details }));
  const headers: Record<string, string> = {
    ...nonDocumentSecurityHeaders(),
    "content-type": JSON_CONTENT_TYPE,
    "cache-control": "no-store",
    "x-request-id": requestIdFrom(givenRequestId),
    "content-length": String(Buffer.byteLength(body)),
  };
  return { status: ERROR_STATUS[code], headers, body };
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
