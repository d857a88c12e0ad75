import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore } from "../../lib/db/client";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/backend";
import { createTenant, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";
import { WriteLedger } from "../support/write-ledger";
import { driveWrites, listAllContacts } from "../support/write-load";

// The server process is killed with SIGKILL in the middle of a write load, three times over, and
// started again on the same database: every write it acknowledged must be there, exactly as
// acknowledged, and no contact may be half-written.

const KILLS = 3;
const CONCURRENCY = 8;
const HIGH_RATE_LIMIT = { RATE_LIMIT_PER_MINUTE: "1000000" };

let database: TestDatabase;
let tenant: Tenant;
let server: RunningServer | undefined;

beforeAll(async () => {
  database = await createTestDatabase("crash");
  const store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
  tenant = await createTenant("Crash safety", store);
  await store.db.destroy();
});

afterAll(async () => {
  await server?.kill("SIGKILL");
  await database.drop();
});

describe(`a server killed with SIGKILL mid-load (${testBackend()})`, () => {
  it(`keeps every acknowledged create and PATCH and writes nothing by halves, over ${KILLS} kills`, async () => {
    const ledger = new WriteLedger(tenant.chatbotIds);
    let current = await startServer({ DATABASE_URL: database.url, ...HIGH_RATE_LIMIT });
    server = current;
    // The first request loads the routes and the database: the load starts on a warm server, as after each restart.
    expect((await listAllContacts(current.url, tenant.apiKey)).length).toBe(0);
    for (let round = 1; round <= KILLS; round++) {
      const load = driveWrites(current.url, tenant.apiKey, ledger, CONCURRENCY);
      await new Promise((resolve) => setTimeout(resolve, 1500 + Math.random() * 1000));
      const killedAt = Date.now();
      const exit = await current.kill("SIGKILL");
      load.stop();
      const { statuses, firstFailureAt } = await load.done;
      expect(exit.signal).toBe("SIGKILL");
      expect(firstFailureAt ?? killedAt).toBeGreaterThanOrEqual(killedAt);
      expect(Object.keys(statuses).sort()).toEqual(["200", "201"]);

      current = await current.restart();
      server = current;
      const found = await listAllContacts(current.url, tenant.apiKey);
      const { problems, figures } = ledger.verify(found);
      console.log(`[crash-safety ${testBackend()}] kill ${round}/${KILLS}: ${JSON.stringify(figures)}`);
      expect(problems).toEqual([]);
      expect(figures.createsAcknowledgedFound).toBe(figures.createsAcknowledged);
      expect(figures.patchesAcknowledgedFound).toBe(figures.patchesAcknowledged);
      expect(figures.createsAcknowledged).toBeGreaterThan(0);
      expect(figures.patchesAcknowledged).toBeGreaterThan(0);
      ledger.reconcile(found);
    }
  }, 60_000);
});
