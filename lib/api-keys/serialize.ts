import type { ApiKeySummary } from "./repository";
import type { ApiKey } from "./schemas";

/** A stored key in the dashboard's public shape; leaves out the workspace and revocation columns. */
export function serializeApiKey(row: Pick<ApiKeySummary, "id" | "name" | "key_prefix" | "created_at" | "last_used_at">): ApiKey {
  return { id: row.id, name: row.name, prefix: row.key_prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at };
}
