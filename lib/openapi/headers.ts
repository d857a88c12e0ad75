import { z } from "zod";
import { REQUEST_ID_PATTERN } from "../api/request-id";

// Every response header the API sends that a client may read, described once.

const header = (description: string, schema: z.ZodType = z.string()) => schema.meta({ description });
const digits = (max: number) => z.string().regex(new RegExp(`^\\d{1,${max}}$`)).max(max);

export const requestIdHeader = {
  "X-Request-Id": header("The request's id: the caller's own `X-Request-Id` when it sent a usable one (1–128 of `A–Z a–z 0–9 _ . : -`), otherwise a new one. Quote it when reporting a problem.", z.string().regex(REQUEST_ID_PATTERN).max(128)),
};

const budgetHeaders = (budget: string) => ({
  "X-RateLimit-Limit": header(`${budget} allowed per minute.`, digits(9)),
  "X-RateLimit-Remaining": header(`${budget} left in the current window.`, digits(9)),
  "X-RateLimit-Reset": header("When the window resets, in Unix seconds.", digits(12)),
});

/** The caller's budget: an API key's (or a signed-in staff member's) requests. */
export const rateLimitHeaders = budgetHeaders("Requests with this API key (or signed-in staff member)");

/** A request without a valid key is counted against its client address instead. */
export const failedAuthenticationLimitHeaders = budgetHeaders("Failed authentications from this client address");

export const retryAfterHeader = {
  "Retry-After": header("Seconds to wait before the next request.", digits(9)),
};

export const wwwAuthenticateHeader = {
  "WWW-Authenticate": header("How to authenticate: `Bearer`.", z.string().max(200)),
};

export const idempotentReplayedHeader = {
  "Idempotent-Replayed": header(
    "`true` when this answer is the one kept for an earlier request with the same `Idempotency-Key`, sent again: the request did not run again.",
    z.enum(["true"]).optional(),
  ),
};

export const allowHeader = {
  Allow: header("The methods this path supports.", z.string().max(200)),
};

export const documentedHeaders = {
  Location: header("The new resource's URL.", z.string().max(2048)),
  ETag: header("The resource's version, for `If-Match` and `If-None-Match`.", z.string().max(200)),
};
