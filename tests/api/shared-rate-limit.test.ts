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

describe.runIf(onPostgres)("two server processes on one PostgreSQL", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase("shared-limit");
    const store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
    tenant = await createTenant("Shared limit", store);
    await store.db.destroy();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    await database.drop();
  });

  it("give one key 100 requests a minute in total through PostgreSQL, not 100 each", async () => {
    servers.push(...(await Promise.all([startServer({ DATABASE_URL: database.url }), startServer({ DATABASE_URL: database.url })])));
    expect(await spendAcross(servers, tenant)).toEqual({ 200: 100, 429: 50 });
  }, 120_000);
});

describe.runIf(redisAvailable)("two server processes sharing Redis", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase("redis-limit");
    const store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
    tenant = await createTenant("Redis limit", store);
    await store.db.destroy();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    await database.drop();
  });

  it("give one key 100 requests a minute in total through Redis", async () => {
    const env = { DATABASE_URL: database.url, REDIS_URL };
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
    expect(await spendAcross(servers, tenant)).toEqual({ 200: 100, 429: 50 });
  }, 120_000);

  it("keep answering when Redis cannot be reached, counting in memory and logging a warning", async () => {
    const server = await startServer({ DATABASE_URL: database.url, REDIS_URL: "redis://127.0.0.1:1", LOG_LEVEL: "warn" });
    servers.push(server);
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await call("GET", "/v1/contacts?limit=1", { key: tenant.apiKey, baseUrl: server.url });
      expect(answer.status).toBe(200);
      remaining.push(answer.headers.get("x-ratelimit-remaining"));
    }
    // This process's own count: the shared budget spent above is out of reach.
    expect(remaining).toEqual(["99", "98", "97", "96", "95"]);
    await expect.poll(() => server.output()).toContain("rate-limit store unavailable");
  }, 60_000);
});
