// Some raw request targets are answered by Next.js before any handler sees them: a malformed
// percent-escape (`/v1/contacts/%zz`) is a plain-text 500, a backslash, `//` or `#` a 308 redirect,
// and dot segments can walk out of /v1 to an HTML page. No API resource has such a path, so under
// /v1 the server answers them with the contract's 404 itself.

const API_PATH = /^\/v1(?:[/?#]|$)/;
/** What an unroutable target must contain: an escape, a fragment, a backslash, an empty or a dot segment. */
const MAYBE_UNROUTABLE = /[%#\\]|\/\/|\/\./;

/** Whether a request target is for the API (`/v1` and below). */
export const isApiPath = (requestTarget: string) => API_PATH.test(requestTarget);

/** Whether a request target under /v1 is one no API route can have. */
export function isUnroutableApiPath(requestTarget: string): boolean {
  if (!isApiPath(requestTarget) || !MAYBE_UNROUTABLE.test(requestTarget)) return false;
  // A fragment is the browser's own and never part of an HTTP request target.
  if (requestTarget.includes("#")) return true;
  const rawPath = requestTarget.split("?", 1)[0];
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return true;
  }
  const segments = path.split("/").slice(1);
  const emptyInside = segments.slice(0, -1).some((segment) => segment === "");
  return path.includes("\\") || emptyInside || segments.some((segment) => segment === "." || segment === "..");
}
