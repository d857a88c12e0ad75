import { verifiedKeyByHash } from "../api-keys/active-key-cache";
import { findActiveKeyByHash, touchApiKey } from "../api-keys/repository";
import { hashApiKey, isWellFormedApiKey } from "../api-keys/secret";
import { hashesMatch } from "../api-keys/verify";
import { getAuth, ownOrigin } from "../auth/server";
import type { Store } from "../db/client";
import { clientAddress } from "../http/client-address";
import { ApiError } from "./errors";
import { consumeBudget, recordAuthFailure, type RateLimitHeaders } from "./rate-limit";

// Who is calling: an integration with an API key (Authorization: Bearer), or a signed-in staff
// member of the dashboard (session cookie). The key wins when both are sent.
export type ApiPrincipal =
  | { kind: "api_key"; workspaceId: string; keyId: string }
  | { kind: "staff"; workspaceId: string; userId: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer[ \t]+(\S+)[ \t]*$/i);
  return match ? match[1] : null;
}

function unauthorized(message: string, addressBudget: RateLimitHeaders): ApiError {
  return new ApiError("unauthorized", message, undefined, { "WWW-Authenticate": 'Bearer realm="nexvio"', ...addressBudget });
}

/** Resolves the caller to a workspace, or throws 401 (429 once an address fails too often). */
export async function authenticate(store: Store, request: Request): Promise<ApiPrincipal> {
  const staff = request.headers.has("authorization") ? undefined : await staffSession(request);
  if (staff) {
    await refuseCrossSiteWrite(staff, request);
    return staff;
  }
  const token = bearerToken(request);
  const key = token && isWellFormedApiKey(token) ? await findKey(store, token) : undefined;
  if (!key) {
    const addressBudget = await recordAuthFailure(clientAddress(request));
    throw unauthorized(token ? "Invalid API key" : "Missing API key: send Authorization: Bearer YOUR_API_KEY", addressBudget);
  }
  await touchApiKey(store, key.id, key.last_used_at);
  return { kind: "api_key", workspaceId: key.workspace_id, keyId: key.id };
}

/** Resolves only a staff session: for the dashboard's own endpoints, which API keys cannot call. */
export async function authenticateStaff(request: Request): Promise<Extract<ApiPrincipal, { kind: "staff" }>> {
  const staff = await staffSession(request);
  if (!staff) throw new ApiError("unauthorized", "Sign in to the dashboard to use this endpoint");
  await refuseCrossSiteWrite(staff, request);
  return staff;
}

async function staffSession(request: Request): Promise<Extract<ApiPrincipal, { kind: "staff" }> | undefined> {
  if (!request.headers.get("cookie")) return undefined;
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return undefined;
  return { kind: "staff", workspaceId: session.user.workspaceId, userId: session.user.id };
}

// Cookies ride along on cross-site requests, so a cookie-authenticated write must come from our
// own pages. Browsers send Origin (and Sec-Fetch-Site) on every cross-origin fetch or form post;
// a client that sends neither is not a browser and cannot be tricked into sending our cookie.
// The refusal comes after sign-in, so it counts against the staff member's budget like any answer.
async function refuseCrossSiteWrite(staff: ApiPrincipal, request: Request): Promise<void> {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const crossSite = origin ? origin !== ownOrigin(request) : fetchSite !== null && fetchSite !== "same-origin";
  if (crossSite) {
    throw new ApiError("forbidden", "Cross-site request refused: this action must come from the dashboard", undefined, await consumeBudget(staff));
  }
}

async function findKey(store: Store, token: string) {
  return verifiedKeyByHash(store, hashApiKey(token), async (tokenHash) => {
    // Looked up by the key's hash, so the lookup's timing depends only on the hash; the constant-time
    // comparison keeps the answer right should the lookup ever become looser (a prefix, say).
    const key = await findActiveKeyByHash(store, tokenHash);
    return key && hashesMatch(tokenHash, key.key_hash) ? key : undefined;
  });
}
