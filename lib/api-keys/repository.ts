import type { Store } from "../db/client";
import { preparedQuery } from "../db/prepared-query";
import type { ApiKeyRow } from "../db/schema";
import { newId } from "../ids";
import { nowIso } from "../time";
import { displayPrefix, generateApiKey, hashApiKey } from "./secret";

export type ApiKeySummary = Omit<ApiKeyRow, "key_hash">;

/** Creates a key and returns its plaintext once; only the hash is stored. */
export async function createApiKey(store: Store, workspaceId: string, name: string): Promise<{ apiKey: ApiKeySummary; key: string }> {
  const key = generateApiKey();
  const apiKey: ApiKeySummary = {
    workspace_id: workspaceId,
    id: newId("key_"),
    name,
    key_prefix: displayPrefix(key),
    created_at: nowIso(),
    last_used_at: null,
    revoked_at: null,
  };
  await store.db.insertInto("api_keys").values({ ...apiKey, key_hash: hashApiKey(key) }).execute();
  return { apiKey, key };
}

/** What authentication reads of a key that still works. */
export type ActiveKey = Pick<ApiKeyRow, "id" | "workspace_id" | "key_hash" | "last_used_at">;

// Every request with a key asks this.
const activeKeyByHash = preparedQuery<{ keyHash: string }, ActiveKey>((db, value) =>
  db.selectFrom("api_keys").select(["id", "workspace_id", "key_hash", "last_used_at"]).where("key_hash", "=", value("keyHash")).where("revoked_at", "is", null),
);

export async function findActiveKeyByHash(store: Store, keyHash: string): Promise<ActiveKey | undefined> {
  return (await activeKeyByHash(store, { keyHash }))[0];
}

export async function listApiKeys(store: Store, workspaceId: string): Promise<ApiKeySummary[]> {
  return store.db
    .selectFrom("api_keys")
    .select(["workspace_id", "id", "name", "key_prefix", "created_at", "last_used_at", "revoked_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** The workspace's keys that still work, newest first (for the dashboard; revoked keys are history). */
export async function listActiveApiKeys(store: Store, workspaceId: string): Promise<ApiKeySummary[]> {
  return store.db
    .selectFrom("api_keys")
    .select(["workspace_id", "id", "name", "key_prefix", "created_at", "last_used_at", "revoked_at"])
    .where("workspace_id", "=", workspaceId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** Revokes a key; false when there is no such active key. */
export async function revokeApiKey(store: Store, keyId: string, workspaceId?: string): Promise<boolean> {
  let query = store.db.updateTable("api_keys").set({ revoked_at: nowIso() }).where("id", "=", keyId).where("revoked_at", "is", null);
  if (workspaceId) query = query.where("workspace_id", "=", workspaceId);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records use at most once a minute per key, so authentication does not write on every request. */
export async function touchApiKey(store: Store, keyId: string, lastUsedAt: string | null): Promise<void> {
  const now = new Date();
  if (lastUsedAt && now.getTime() - Date.parse(lastUsedAt) < 60_000) return;
  await store.db.updateTable("api_keys").set({ last_used_at: now.toISOString() }).where("id", "=", keyId).execute();
}
