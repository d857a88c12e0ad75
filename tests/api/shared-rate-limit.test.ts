import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore } from "../../lib/db/client";
import { call } from "../support/api";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/backend";
import { createTenant, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

// Several server processes on one PostgreSQL share each key's budget: through PostgreSQL itself,
// or through Redis when REDIS_URL is set. A store that is down does not take the API down.

// What is tested here is the shared budget, not fail-open: a store slowed by a busy CI machine must
// not send requests to the per-process fallback (the dead-Redis test below covers that).
const SHARED_STORE_TIMEOUT_MS = "10000";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const onPostgres = testBackend() === "postgres";

async function redisAnswers(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
const redisAvailable = onPostgres && (await redisAnswers());
if (onPostgres && !redisAvailable) console.warn(`⚠ Redis rate-limit tests SKIPPED: no Redis at ${REDIS_URL}`);

/** 150 requests with one key, spread over both servers, 10 at a time; the statuses counted. */
async function spendAcross(servers: RunningServer[], tenant: Tenant): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  for (let batch = 0; batch < 15; batch++) {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call("GET", "/v1/contacts?limit=1", { key: tenant.apiKey, baseUrl: servers[(batch * 10 + i) % 2].url })),
    );
    for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
  }
  return statuses;
}

/** A database of the describe block's own with one tenant; the servers started in it stop after it. */
function sharedDatabase(label: string) {
  const context = { database: undefined as unknown as TestDatabase, tenant: undefined as unknown as Tenant, servers: [] as RunningServer[] };
  beforeAll(async () => {
    context.database = await createTestDatabase(label);
    const store = await openMigratedStore(databaseConfig({ DATABASE_URL: context.database.url }));
    context.tenant = await createTenant(label, store);
    await store.db.destroy();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(context.servers.splice(0).map((server) => server.stop()));
    await context.database.drop();
  });
  return context;
}

describe.runIf(onPostgres)("two server processes on one PostgreSQL", () => {
  const shared = sharedDatabase("shared-limit");

  it("give one key 100 requests a minute in total through PostgreSQL, not 100 each", async () => {
    const env = { DATABASE_URL: shared.database.url, RATE_LIMIT_STORE_TIMEOUT_MS: SHARED_STORE_TIMEOUT_MS };
    shared.servers.push(...(await Promise.all([startServer(env), startServer(env)])));
    expect(await spendAcross(shared.servers, shared.tenant)).toEqual({ 200: 100, 429: 50 });
  }, 120_000);
});

describe.runIf(redisAvailable)("two server processes sharing Redis", () => {
  const shared = sharedDatabase("redis-limit");

  it("give one key 100 requests a minute in total through Redis", async () => {
    const env = { DATABASE_URL: shared.database.url, REDIS_URL, RATE_LIMIT_STORE_TIMEOUT_MS: SHARED_STORE_TIMEOUT_MS };
    shared.servers.push(...(await Promise.all([startServer(env), startServer(env)])));
    expect(await spendAcross(shared.servers, shared.tenant)).toEqual({ 200: 100, 429: 50 });
  }, 120_000);

  it("keep answering when Redis cannot be reached, counting in memory and logging a warning", async () => {
    const server = await startServer({ DATABASE_URL: shared.database.url, REDIS_URL: "redis://127.0.0.1:1", LOG_LEVEL: "warn" });
    shared.servers.push(server);
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await call("GET", "/v1/contacts?limit=1", { key: shared.tenant.apiKey, baseUrl: server.url });
      expect(answer.status).toBe(200);
      remaining.push(answer.headers.get("x-ratelimit-remaining"));
    }
    // This process's own count: the shared budget spent above is out of reach.
    expect(remaining).toEqual(["99", "98", "97", "96", "95"]);
    await expect.poll(() => server.output()).toContain("rate-limit store unavailable");
  }, 60_000);
});
