import { answerApiError } from "./api-error-response.mjs";

// Next.js answers some raw paths before any route handler sees them: a malformed percent-escape
// (`/v1/contacts/%zz`) is a plain-text 500, a backslash, `//` or `#` a 308 redirect, and dot
// segments can walk out of /v1 to an HTML page. No API resource has such a path, so under /v1
// they get the contract's 404 instead, answered here in front of Next.js.

const API_PATH = /^\/v1(?:[/?#]|$)/;

/** Whether a request target under /v1 is one no API route can have. */
export function isUnroutableApiPath(requestTarget) {
  if (!API_PATH.test(requestTarget)) return false;
  // A fragment is the browser's own and never part of an HTTP request target.
  if (requestTarget.includes("#")) return true;
  const rawPath = requestTarget.split("?", 1)[0];
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return true;
  }
  const segments = path.split("/").slice(1);
  const emptyInside = segments.slice(0, -1).some((segment) => segment === "");
  return path.includes("\\") || emptyInside || segments.some((segment) => segment === "." || segment === "..");
}

/** The contract's 404 for such a path, with a request id like every API response. */
export function answerUnroutableApiPath(req, res) {
  answerApiError(req, res, { status: 404, code: "not_found", message: "No such endpoint: the path is not a valid API path" });
}
