import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER, signInPath } from "./lib/auth/paths";

// Dashboard pages: send visitors without a session cookie to sign-in (and back afterwards).
// This is only the fast path; the dashboard layout checks the session itself.
export function proxy(request: NextRequest) {
  const requested = request.nextUrl.pathname + request.nextUrl.search;
  if (!getSessionCookie(request, { cookiePrefix: "nexvio" })) {
    return NextResponse.redirect(new URL(signInPath(requested), request.url));
  }
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, requested);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/", "/contacts/:path*", "/settings/:path*", "/api-reference"],
};
