import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig, warmUpRounds } from "../../lib/config";
import { openMigratedStore } from "../../lib/db/client";
import { listWorkspaces } from "../../lib/workspaces/repository";
import { call, expectSuccess } from "../support/api";
import { createTestDatabase, type TestDatabase } from "../support/backend";
import { createTenant, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

// Before it listens, the production server answers rounds of API requests itself (lib/server/warm-up.ts),
// on a scratch database: nothing of it may reach the real database, the logs or anyone's budget.

const WARMED_UP = /"rounds":(\d+),"requests":(\d+),"ms":\d+,"msg":"API warmed up before taking requests"/;

describe("the server's warm-up", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    database = await createTestDatabase("warm-up");
    const store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
    tenant = await createTenant("warm-up", store);
    await store.db.destroy();
  }, 60_000);
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  afterAll(() => database.drop());

  it("answers every round before listening, with a budget far below its requests, and leaves no trace", async () => {
    server = await startServer({ DATABASE_URL: database.url, WARM_UP_ROUNDS: "30", RATE_LIMIT_PER_MINUTE: "10", LOG_LEVEL: "info" });
    // 150 requests under a 10-a-minute budget: the warm-up spends no key's budget, not even its own.
    expect(server.output()).toMatch(WARMED_UP);
    expect(server.output().match(WARMED_UP)!.slice(1, 3)).toEqual(["30", "150"]);
    expect(server.output()).not.toContain('"msg":"request"');

    const answer = await call("GET", "/v1/contacts", { key: tenant.apiKey, baseUrl: server.url });
    expect(expectSuccess(answer).total).toBe(0);
    expect(answer.headers.get("x-ratelimit-remaining")).toBe("9");
    const store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
    try {
      expect((await listWorkspaces(store)).map((workspace) => workspace.id)).toEqual([tenant.workspaceId]);
    } finally {
      await store.db.destroy();
    }
    // The list just asked for is the one answer on /v1/contacts the log holds, and nothing was written through the API.
    await expect.poll(() => server!.output().match(/"path":"\/v1\/contacts","status":\d+,"durationMs":[\d.]+,"msg":"request"/g)?.length ?? 0).toBe(1);
    expect(server.output()).not.toMatch(/"method":"(POST|PATCH)"/);
  });

  it("takes its rounds from WARM_UP_ROUNDS: 200 by default, 0 for none, nothing else", () => {
    expect(warmUpRounds({})).toBe(200);
    expect(warmUpRounds({ WARM_UP_ROUNDS: " 0 " })).toBe(0);
    expect(warmUpRounds({ WARM_UP_ROUNDS: "50" })).toBe(50);
    for (const wrong of ["-1", "1.5", "many"]) expect(() => warmUpRounds({ WARM_UP_ROUNDS: wrong })).toThrow(/WARM_UP_ROUNDS must be 0 \(no warm-up\) or a positive integer/);
  });

  it("a server started with a WARM_UP_ROUNDS it cannot read exits non-zero at once, saying why", async () => {
    const started = startServer({ DATABASE_URL: database.url, WARM_UP_ROUNDS: "lots" });
    await expect(started).rejects.toThrow(/server exited with [1-9]\d*:/);
    await expect(started).rejects.toThrow(/WARM_UP_ROUNDS must be 0 \(no warm-up\) or a positive integer \(got "lots"\)/);
  });

  it("is off with WARM_UP_ROUNDS=0", async () => {
    server = await startServer({ DATABASE_URL: database.url, WARM_UP_ROUNDS: "0", LOG_LEVEL: "info" });
    expectSuccess(await call("GET", "/v1/contacts", { key: tenant.apiKey, baseUrl: server.url }));
    expect(server.output()).toContain("listening on");
    expect(server.output()).not.toMatch(WARMED_UP);
  });
});
