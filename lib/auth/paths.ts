// Where sign-in sends people back to. Only same-site paths are accepted, so a crafted
// `/login?next=https://evil.example` cannot turn sign-in into an open redirect.

/** Set by proxy.ts on dashboard requests: the path and query the visitor asked for. */
export const REQUESTED_PATH_HEADER = "x-nexvio-requested-path";

export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith("/login")) return "/";
  return next;
}

export function signInPath(next: string | null | undefined): string {
  const target = safeReturnPath(next);
  return target === "/" ? "/login" : `/login?next=${encodeURIComponent(target)}`;
}
