import { servedOverHttps } from "../config";

// The security headers of every response, in one place. proxy.ts puts them on pages and files; the
// API's handler wrapper (lib/api/handler.ts) and the better-auth route on theirs.

type Environment = Record<string, string | undefined>;

/** Responses no browser renders as a page (JSON, scripts, styles, redirects): nothing may load or frame them. */
export const NON_DOCUMENT_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy of HTML pages. Scripts run only with this response's nonce (Next.js puts it on its own
 * tags) or when loaded by such a script ('strict-dynamic': the code-split chunks, RapiDoc).
 */
export function pageContentSecurityPolicy(nonce: string, env: Environment = process.env): string {
  // React's development build rebuilds server error stacks with eval; production never needs it.
  const evalInDevelopment = env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${evalInDevelopment}`,
    // Radix, RapiDoc and the overview's chatbot colours set style attributes and sonner injects a
    // <style> element. Styles cannot run script; and a nonce here would make browsers ignore
    // 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(servedOverHttps(env) ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers every response carries besides its Content-Security-Policy. */
export function commonSecurityHeaders(env: Environment = process.env): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only a site known to be on HTTPS may tell browsers to never use plain HTTP for it.
    ...(servedOverHttps(env) ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** Every security header of a response no browser renders as a page (the API, better-auth). */
export function nonDocumentSecurityHeaders(env: Environment = process.env): Record<string, string> {
  return { "Content-Security-Policy": NON_DOCUMENT_CONTENT_SECURITY_POLICY, ...commonSecurityHeaders(env) };
}

/** A fresh, unguessable nonce for one page response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
