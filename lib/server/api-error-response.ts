import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorCode } from "../api/errors";
import { ERROR_STATUS } from "../api/errors";
import { requestIdFrom } from "../api/request-id";
import { errorEnvelope, JSON_CONTENT_TYPE } from "../api/respond";
import { nonDocumentSecurityHeaders } from "../security/headers";

// Errors the HTTP server answers itself, around the API app: in the contract's envelope, with a
// request id and the security headers every API response carries.

export function answerApiError(req: IncomingMessage, res: ServerResponse, code: ErrorCode, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const requestId = requestIdFrom(typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"] : undefined);
  const body = JSON.stringify(errorEnvelope({ code, message }));
  res.writeHead(ERROR_STATUS[code], {
    ...nonDocumentSecurityHeaders(),
    "content-type": JSON_CONTENT_TYPE,
    "cache-control": "no-store",
    "x-request-id": requestId,
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}
