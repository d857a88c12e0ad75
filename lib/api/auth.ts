import { timingSafeEqual } from "node:crypto";
import { findActiveKeyByHash, touchApiKey } from "../api-keys/repository";
import { hashApiKey, isWellFormedApiKey } from "../api-keys/secret";
import type { Store } from "../db/client";
import { ApiError } from "./errors";
import { recordAuthFailure } from "./rate-limit";

export interface ApiPrincipal {
  workspaceId: string;
  keyId: string;
}

/** The header our server sets from the socket; a client-sent value is overwritten there. */
export const CLIENT_ADDRESS_HEADER = "x-nexvio-client-address";

export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer[ \t]+(\S+)[ \t]*$/i);
  return match ? match[1] : null;
}

function unauthorized(message: string): ApiError {
  return new ApiError("unauthorized", message, undefined, { "WWW-Authenticate": 'Bearer realm="nexvio"' });
}

/** Resolves the request's API key to its workspace, or throws 401 (429 once an address fails too often). */
export async function authenticate(store: Store, request: Request): Promise<ApiPrincipal> {
  const token = bearerToken(request);
  const key = token && isWellFormedApiKey(token) ? await findKey(store, token) : undefined;
  if (!key) {
    await recordAuthFailure(clientAddress(request));
    throw unauthorized(token ? "Invalid API key" : "Missing API key: send Authorization: Bearer YOUR_API_KEY");
  }
  await touchApiKey(store.db, key.id, key.last_used_at);
  return { workspaceId: key.workspace_id, keyId: key.id };
}

async function findKey(store: Store, token: string) {
  const hash = hashApiKey(token);
  const key = await findActiveKeyByHash(store.db, hash);
  // The lookup is by hash already; the constant-time comparison keeps it so if the lookup ever changes.
  if (!key || !timingSafeEqual(Buffer.from(key.key_hash), Buffer.from(hash))) return undefined;
  return key;
}
