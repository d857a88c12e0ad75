import type { Store } from "../db/client";
import type { SqliteSession } from "../db/sqlite/sqlite-session";
import type { ActiveKey } from "./repository";

// API keys verified on a SQLite connection, reused while no key can have changed since they were
// read (the session's change stamp of api_keys): any commit by another connection or process, and
// any write to api_keys on this one, drops them all. So a key revoked anywhere (the dashboard, the
// CLI, another server process) fails on the next request, as with a lookup per request, which cost
// a get by id about a tenth of its CPU; and this connection's other writes (a PATCH's) keep them.
// PostgreSQL has no such cheap stamp: every key is looked up.

/** Keys kept per connection; past it the cache starts again (a deployment has a handful of keys in use). */
export const MAX_CACHED_KEYS = 1_000;

interface KeysAtStamp {
  stamp: string;
  keys: Map<string, ActiveKey>;
}

const cacheBySession = new WeakMap<SqliteSession, KeysAtStamp>();

/**
 * The active key with this hash: from the cache while the database is unchanged, otherwise from
 * `lookUp` (which answers only a key it has verified; that answer is kept).
 */
export async function verifiedKeyByHash(
  store: Store,
  keyHash: string,
  lookUp: (keyHash: string) => Promise<ActiveKey | undefined>,
): Promise<ActiveKey | undefined> {
  const session = store.sqlite?.session;
  // Read before the lookup: a change between the two leaves the key under a stamp already past.
  const stamp = session?.changeStampOf("api_keys");
  if (session === undefined || stamp === undefined) return lookUp(keyHash);
  let cache = cacheBySession.get(session);
  if (cache?.stamp === stamp) {
    const known = cache.keys.get(keyHash);
    if (known) return known;
  } else {
    cache = { stamp, keys: new Map() };
    cacheBySession.set(session, cache);
  }
  const key = await lookUp(keyHash);
  if (key) {
    if (cache.keys.size >= MAX_CACHED_KEYS) cache.keys.clear();
    cache.keys.set(keyHash, key);
  }
  return key;
}
