import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER, signInPath } from "./lib/auth/paths";
import {
  commonSecurityHeaders,
  newNonce,
  NON_DOCUMENT_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
} from "./lib/security/headers";

// Runs before every request but the API's and better-auth's: puts the security headers on every
// answer, gives each page a fresh script nonce, and sends dashboard visitors without a session
// cookie to sign-in (and back afterwards). The cookie check is only the fast path; the dashboard
// layout checks the session itself.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!rendersPage(pathname)) return secured(NextResponse.next(), NON_DOCUMENT_CONTENT_SECURITY_POLICY);

  const requested = pathname + search;
  if (needsStaffSession(pathname) && !getSessionCookie(request, { cookiePrefix: "nexvio" })) {
    return secured(NextResponse.redirect(new URL(signInPath(requested), request.url)), NON_DOCUMENT_CONTENT_SECURITY_POLICY);
  }
  const policy = pageContentSecurityPolicy(newNonce());
  const headers = new Headers(request.headers);
  // Next.js reads the nonce from the request's policy while rendering and puts it on its scripts.
  headers.set("content-security-policy", policy);
  headers.set(REQUESTED_PATH_HEADER, requested);
  return secured(NextResponse.next({ request: { headers } }), policy);
}

/** Everything this proxy sees but Next.js's own files answers with an HTML page (404s included). */
function rendersPage(pathname: string): boolean {
  return !pathname.startsWith("/_next/");
}

function needsStaffSession(pathname: string): boolean {
  return (
    pathname === "/" ||
    pathname === "/api-reference" ||
    ["/contacts", "/settings"].some((section) => pathname === section || pathname.startsWith(`${section}/`))
  );
}

function secured(response: NextResponse, contentSecurityPolicy: string): NextResponse {
  response.headers.set("Content-Security-Policy", contentSecurityPolicy);
  for (const [name, value] of Object.entries(commonSecurityHeaders())) response.headers.set(name, value);
  return response;
}

// Not /v1 or /api: Next.js buffers a request's body (up to 10 MB) for a proxy that runs on it,
// which would defeat the API's 1 MiB limit enforced while streaming. Those routes set the same
// headers themselves (lib/api/handler.ts, app/api/auth).
export const config = {
  matcher: "/((?!v1(?:/|$)|api/).*)",
};
