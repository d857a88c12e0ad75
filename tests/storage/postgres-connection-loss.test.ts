import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { createWorkspace, findWorkspace } from "../../lib/workspaces/repository";
import { createTestDatabase, POSTGRES_ADMIN_URL, postgresAvailability, type TestDatabase } from "../support/backend";

// PostgreSQL may close a pooled connection while it sits idle (a restart, a failover, an
// administrator ending it). The process must live on, and the store answer on a new connection.

const postgres = await postgresAvailability();
if (!postgres.available) console.warn(`⚠ PostgreSQL connection-loss test SKIPPED: ${postgres.reason}`);

async function terminateBackend(pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query("select pg_terminate_backend($1)", [pid]);
    // Until the backend is gone, so that its connection's error has reached the pool.
    while ((await admin.query("select 1 from pg_stat_activity where pid = $1", [pid])).rowCount) await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    await admin.end();
  }
}

describe.skipIf(!postgres.available)("a PostgreSQL connection closed while idle", () => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await createTestDatabase("connection_loss", "postgres");
    store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: "1" }));
  });
  afterAll(async () => {
    await store?.db.destroy();
    await database?.drop();
  });

  it("is replaced: the process lives on and the next queries answer", async () => {
    const workspace = await createWorkspace(store, "Before the loss");
    const { pid } = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db)).rows[0]!;
    await terminateBackend(pid);
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect((await findWorkspace(store, workspace.id))?.name).toBe("Before the loss");
    const { pid: newPid } = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db)).rows[0]!;
    expect(newPid).not.toBe(pid);
  });
});
