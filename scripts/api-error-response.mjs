import { randomUUID } from "node:crypto";

// Errors the HTTP server answers itself, before or around the route handlers: in the contract's
// envelope, with a request id and the security headers every API response carries.

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;
// The headers lib/security/headers.ts gives every non-page response (these answers never reach proxy.ts).
const NON_DOCUMENT_SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "cross-origin-opener-policy": "same-origin",
};

/** The request's own id when it sent a usable one, otherwise a new one. */
export function requestIdOf(req) {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

export function answerApiError(req, res, { status, code, message, requestId = requestIdOf(req) }) {
  const body = JSON.stringify({ status: "error", error: { code, message } });
  if (res.headersSent) return res.destroy();
  res.writeHead(status, {
    ...NON_DOCUMENT_SECURITY_HEADERS,
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-request-id": requestId,
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}
