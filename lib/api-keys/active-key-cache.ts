import type { Store } from "../db/client";
import type { SqliteSession } from "../db/sqlite/sqlite-session";
import type { ActiveKey } from "./repository";

// API keys verified on a SQLite connection, reused while nothing in the database has changed since
// they were read (the session's change stamp): any commit, by any connection or process, and any
// change on this connection drops them all. So a key revoked anywhere (the dashboard, the CLI,
// another server process) fails on the next request, as with a lookup per request, which cost a
// get by id about a tenth of its CPU. PostgreSQL has no such cheap stamp: every key is looked up.

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
  const stamp = session?.changeStamp();
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
