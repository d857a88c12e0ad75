import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CACHED_KEYS, verifiedKeyByHash } from "../../lib/api-keys/active-key-cache";
import { findActiveKeyByHash, revokeApiKey, type ActiveKey } from "../../lib/api-keys/repository";
import { hashApiKey } from "../../lib/api-keys/secret";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore, openStore, type Store } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";
import { createTenant, type Tenant } from "../support/fixtures";
import { temporaryDatabaseUrl } from "../support/server";

// A SQLite connection keeps the API keys it verified while no key can have changed
// (lib/api-keys/active-key-cache.ts): a commit by any other connection, or a write to api_keys on
// this one, means looking up again, so a revoked key fails on the very next request.

let store: Store;
let other: Store;
let tenant: Tenant;
let keyHash: string;

beforeAll(async () => {
  const url = temporaryDatabaseUrl("verified-key-cache");
  store = await openMigratedStore(databaseConfig({ DATABASE_URL: url }));
  // Another connection to the same file: the CLI, a test, another server process.
  other = openStore(databaseConfig({ DATABASE_URL: url }));
  tenant = await createTenant("Key cache", store);
  keyHash = hashApiKey(tenant.apiKey);
});
afterAll(async () => {
  await other.db.destroy();
  await store.db.destroy();
});

/** The cache in front of the real lookup, counting how often it had to look. */
function countingLookUp() {
  const counter = { lookUps: 0 };
  const find = (hash: string): Promise<ActiveKey | undefined> =>
    verifiedKeyByHash(store, hash, (h) => {
      counter.lookUps++;
      return findActiveKeyByHash(store, h);
    });
  return { counter, find };
}

describe("the verified-key cache of a SQLite connection", () => {
  it("answers from the cache while nothing changes", async () => {
    const { counter, find } = countingLookUp();
    const first = await find(keyHash);
    await store.db.selectFrom("workspaces").select("id").execute(); // reads change nothing
    const again = await find(keyHash);
    expect(again).toEqual(first);
    expect(first?.workspace_id).toBe(tenant.workspaceId);
    expect(counter.lookUps).toBe(1);
  });

  // Each of these may have changed a key: the next lookup goes to the database, the one after is cached again.
  const changesThatMayTouchKeys = [
    ["any commit by another connection (the CLI, another process)", () =>
      other.db.updateTable("workspaces").set({ name: "Renamed elsewhere" }).where("id", "=", tenant.workspaceId).execute()],
    ["a write to api_keys on this connection", () =>
      store.db.updateTable("api_keys").set({ name: "Renamed key" }).where("id", "=", tenant.keyId).execute()],
    ["a write to api_keys on this connection, rolled back", () =>
      writeTransaction(store, async (tx) => {
        await tx.db.updateTable("api_keys").set({ name: "Never kept" }).where("id", "=", tenant.keyId).execute();
        throw new Error("roll back");
      }).catch(() => undefined)],
  ] as const;

  for (const [change, write] of changesThatMayTouchKeys) {
    it(`looks up again after ${change}`, async () => {
      const { counter, find } = countingLookUp();
      await find(keyHash);
      const cached = counter.lookUps;
      await write();
      await find(keyHash);
      await find(keyHash);
      expect(counter.lookUps).toBe(cached + 1);
    });
  }

  it("keeps its keys across this connection's writes to other tables (a PATCH's)", async () => {
    const { counter, find } = countingLookUp();
    await find(keyHash);
    const cached = counter.lookUps;
    await store.db.updateTable("workspaces").set({ name: "Renamed here" }).where("id", "=", tenant.workspaceId).execute();
    await writeTransaction(store, (tx) => tx.db.updateTable("workspaces").set({ name: "Renamed here again" }).where("id", "=", tenant.workspaceId).execute());
    await find(keyHash);
    expect(counter.lookUps).toBe(cached);
  });

  // Where a revocation comes from: another connection to the file, or this one.
  const connections = [
    ["another connection", () => other],
    ["its own connection", () => store],
  ] as const;

  for (const [where, connection] of connections) {
    it(`stops answering a key revoked on ${where}, at once`, async () => {
      const revoked = await createTenant(`Revoked on ${where}`, store);
      const { find } = countingLookUp();
      const hash = hashApiKey(revoked.apiKey);
      expect(await find(hash)).toBeDefined();
      await revokeApiKey(connection(), revoked.keyId);
      expect(await find(hash)).toBeUndefined();
    });
  }

  it("stops answering a key this connection deletes with its own SQL, outside the repository", async () => {
    const deleted = await createTenant("Deleted by raw SQL", store);
    const { find } = countingLookUp();
    const hash = hashApiKey(deleted.apiKey);
    expect(await find(hash)).toBeDefined();
    store.sqlite!.session.database.prepare("delete from api_keys where id = ?").run(deleted.keyId);
    expect(await find(hash)).toBeUndefined();
  });

  it("looks up every time inside a transaction, whose changes are not the database's yet", async () => {
    const { counter, find } = countingLookUp();
    await find(keyHash);
    const cached = counter.lookUps;
    await writeTransaction(store, async (tx) => {
      const inside = (hash: string) => verifiedKeyByHash(tx, hash, (h) => (counter.lookUps++, findActiveKeyByHash(tx, h)));
      expect(store.sqlite?.session.changeStampOf("api_keys")).toBeUndefined();
      await inside(keyHash);
      await inside(keyHash);
    });
    expect(counter.lookUps).toBe(cached + 2);
  });

  it("keeps no key the lookup did not answer", async () => {
    const { counter, find } = countingLookUp();
    const unknown = hashApiKey(`nxv_${"Q".repeat(40)}`);
    expect(await find(unknown)).toBeUndefined();
    expect(await find(unknown)).toBeUndefined();
    expect(counter.lookUps).toBe(2);
  });

  it(`keeps at most ${MAX_CACHED_KEYS} keys, starting again past them`, async () => {
    const looked: string[] = [];
    // Keys as a lookup answers them, one per hash, with no change to the database in between.
    const find = (hash: string) =>
      verifiedKeyByHash(store, hash, async (h) => {
        looked.push(h);
        return { id: `key_${h}`, workspace_id: tenant.workspaceId, key_hash: h, last_used_at: null };
      });
    const hashes = Array.from({ length: MAX_CACHED_KEYS + 1 }, (_, i) => `cap-${i}`);
    // A change first: the cache starts empty, without the keys of the tests above.
    await store.db.updateTable("api_keys").set({ name: "Capped" }).where("id", "=", tenant.keyId).execute();
    for (const hash of hashes.slice(0, MAX_CACHED_KEYS)) await find(hash);
    await find(hashes[0]);
    expect(looked).toHaveLength(MAX_CACHED_KEYS);

    await find(hashes[MAX_CACHED_KEYS]);
    await find(hashes[MAX_CACHED_KEYS]);
    await find(hashes[0]);
    expect(looked.slice(MAX_CACHED_KEYS)).toEqual([hashes[MAX_CACHED_KEYS], hashes[0]]);
  });

  // Last: it makes api_keys again, without its constraints.
  it("still counts this connection's writes to api_keys after another connection has made the table anew", async () => {
    const revoked = await createTenant("Revoked after the table was made again", store);
    const { find } = countingLookUp();
    const hash = hashApiKey(revoked.apiKey);
    expect(await find(hash)).toBeDefined();
    other.sqlite!.session.database.exec(
      "create table api_keys_copy as select * from api_keys; drop table api_keys; alter table api_keys_copy rename to api_keys",
    );
    expect(await find(hash)).toBeDefined();
    store.sqlite!.session.database.prepare("update api_keys set revoked_at = ? where id = ?").run(new Date().toISOString(), revoked.keyId);
    expect(await find(hash)).toBeUndefined();
  });
});
