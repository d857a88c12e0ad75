import { randomUUID } from "node:crypto";

/** A caller's `X-Request-Id` is kept when it looks like an id (no spaces, no control characters). */
export const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** The request's own id when it sent a usable one, otherwise a new one. */
export function requestIdFrom(given: string | null | undefined): string {
  return typeof given === "string" && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}
