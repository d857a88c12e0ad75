import { RateLimiterRes } from "rate-limiter-flexible";
import { authFailureLimitPerMinute, rateLimitPerMinute, sessionRateLimitPerMinute } from "../config";
import type { ApiPrincipal } from "./auth";
import { ApiError } from "./errors";
import { createLimiter, type Limiter } from "./limiter-store";

// The API's budgets: per API key, per signed-in staff member, and failed authentications per
// client address. Where the counters live (memory, Redis, PostgreSQL) is limiter-store.ts's concern.

interface Limiters {
  perKey: Limiter;
  perStaffUser: Limiter;
  authFailures: Limiter;
}

const globalLimiters = globalThis as typeof globalThis & { nexvioLimiters?: Limiters };

function limiters(): Limiters {
  globalLimiters.nexvioLimiters ??= {
    perKey: createLimiter({ keyPrefix: "key", points: rateLimitPerMinute(), duration: 60 }),
    perStaffUser: createLimiter({ keyPrefix: "staff", points: sessionRateLimitPerMinute(), duration: 60 }),
    authFailures: createLimiter({ keyPrefix: "authfail", points: authFailureLimitPerMinute(), duration: 60 }),
  };
  return globalLimiters.nexvioLimiters;
}

export type RateLimitHeaders = Record<"X-RateLimit-Limit" | "X-RateLimit-Remaining" | "X-RateLimit-Reset", string>;

function headersFor(limit: number, state: RateLimiterRes): RateLimitHeaders {
  return {
    "X-RateLimit-Limit": String(limit),
    "X-RateLimit-Remaining": String(Math.max(0, state.remainingPoints)),
    "X-RateLimit-Reset": String(Math.ceil((Date.now() + state.msBeforeNext) / 1000)),
  };
}

function rateLimited(state: RateLimiterRes, budget: RateLimitHeaders): ApiError {
  const retryAfter = String(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
  return new ApiError("rate_limited", `Too many requests; retry in ${retryAfter} seconds`, undefined, { "Retry-After": retryAfter, ...budget });
}

/** Spends one point of a budget: its headers, or `rate_limited` (with them) when it is gone. */
async function spend(limiter: Limiter, id: string): Promise<RateLimitHeaders> {
  try {
    return headersFor(limiter.points, await limiter.consume(id));
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimited(rejection, headersFor(limiter.points, rejection));
    throw rejection;
  }
}

/** Spends one request of the caller's budget. */
export async function consumeBudget(principal: ApiPrincipal): Promise<RateLimitHeaders> {
  const { perKey, perStaffUser } = limiters();
  const [limiter, id] = principal.kind === "api_key" ? [perKey, principal.keyId] : [perStaffUser, principal.userId];
  return spend(limiter, id);
}

/** Counts a failed authentication from one client address: what is left of that address's budget. */
export async function recordAuthFailure(clientAddress: string): Promise<RateLimitHeaders> {
  return spend(limiters().authFailures, clientAddress);
}
