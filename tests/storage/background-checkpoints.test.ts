import fs from "node:fs";
import os from "node:os";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore, type Store, type StoreOptions } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";
import { temporaryDatabaseUrl } from "../support/server";

// The server's SQLite connection never checkpoints its WAL itself: a worker thread does, on its own
// connection (lib/db/sqlite/background-checkpoints.ts).

const PAGE_SIZE = 4096;

async function openServerStore(name: string, options: StoreOptions["backgroundCheckpoints"] = true): Promise<{ store: Store; file: string }> {
  const url = temporaryDatabaseUrl(name);
  const store = await openMigratedStore(databaseConfig({ DATABASE_URL: url }), { backgroundCheckpoints: options });
  return { store, file: url.slice("file:".length) };
}

/**
 * One write transaction per workspace, with a turn of the event loop between them and a pause of
 * a timer's tick after every 20: the connection is free now and then, as between requests.
 */
async function addWorkspaces(store: Store, count: number, prefix: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => (i % 20 === 19 ? setTimeout(resolve, 0) : setImmediate(resolve)));
    await writeTransaction(store, (tx) =>
      sql`insert into workspaces (id, name, created_at) values (${`ws_${prefix}${i}`}, ${`${prefix} ${i}`}, ${new Date().toISOString()})`.execute(tx.db),
    );
  }
}

/** The workspaces in the database file itself, read from a copy without its WAL: what checkpoints have copied there. */
function workspacesCheckpointed(file: string, prefix: string): number {
  const copy = `${file}.copy`;
  fs.copyFileSync(file, copy);
  const database = new SQLite(copy);
  try {
    const migrated = database.prepare("select 1 from sqlite_master where name = 'workspaces'").get();
    return migrated ? (database.prepare("select count(*) as n from workspaces where name like ?").get(`${prefix} %`) as { n: number }).n : 0;
  } finally {
    database.close();
    for (const leftover of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(leftover, { force: true });
  }
}

/** Threads of this process running a worker at nice 19 (Linux: the fields of /proc/self/task/<id>/stat). */
function workerThreadsAtLowestPriority(): number {
  let count = 0;
  for (const thread of fs.readdirSync("/proc/self/task")) {
    const stat = fs.readFileSync(`/proc/self/task/${thread}/stat`, "utf8");
    // After the name in parentheses: state is field 3, nice field 19.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    if (name === "WorkerThread" && Number(fields[16]) === 19) count++;
  }
  return count;
}

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("did not happen in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("WAL checkpoints in the background (SQLite)", () => {
  it("the server's connection does not checkpoint; the worker copies what it committed into the database file", async () => {
    const { store, file } = await openServerStore("checkpoints");
    try {
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db);
      expect(rows[0].wal_autocheckpoint).toBe(0);
      await addWorkspaces(store, 300, "Committed");
      await eventually(() => workspacesCheckpointed(file, "Committed") === 300);
    } finally {
      await store.db.destroy();
    }
  });

  it("under unbroken writes the WAL starts over instead of growing without end", async () => {
    const restartAfterFrames = 200;
    const { store, file } = await openServerStore("checkpoint-restarts", { intervalMs: 10, restartAfterFrames });
    try {
      // Once the worker checkpoints (it takes a moment to start), the WAL has not grown far yet.
      await addWorkspaces(store, 10, "Before");
      await eventually(() => workspacesCheckpointed(file, "Before") === 10);
      let largestWal = 0;
      let writing = true;
      const watch = (async () => {
        while (writing) {
          largestWal = Math.max(largestWal, fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      // Each write transaction appends at least two pages (the table's and its index's): a WAL that never
      // started over would end at least this long. Written faster than a server's requests write.
      const transactions = 20_000;
      const framesWritten = transactions * 2;
      await addWorkspaces(store, transactions, "Unbroken");
      writing = false;
      await watch;
      expect(largestWal).toBeLessThan((framesWritten / 4) * PAGE_SIZE);
    } finally {
      await store.db.destroy();
    }
  });

  it.runIf(process.platform === "linux")("the worker's thread alone runs at the lowest priority, so it does not hold up requests", async () => {
    const before = workerThreadsAtLowestPriority();
    const priority = os.getPriority();
    const { store } = await openServerStore("checkpoint-priority");
    try {
      await eventually(() => workerThreadsAtLowestPriority() === before + 1);
      expect(os.getPriority()).toBe(priority);
    } finally {
      await store.db.destroy();
    }
    expect(workerThreadsAtLowestPriority()).toBe(before);
  });

  it("closing the store stops the worker and its connection: the last close checkpoints and removes the WAL", async () => {
    const { store, file } = await openServerStore("checkpoint-close");
    await addWorkspaces(store, 50, "Closed");
    await store.db.destroy();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(workspacesCheckpointed(file, "Closed")).toBe(50);
  });
});
