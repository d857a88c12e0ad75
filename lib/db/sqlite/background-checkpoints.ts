import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type SQLite from "better-sqlite3";

/**
 * The server's WAL checkpoints, moved off the thread that answers requests. SQLite checkpoints
 * after the commit that takes the WAL past 1,000 pages, in the committing call: it copies the pages
 * into the database and waits for two fsyncs (about 20 ms on this machine's disk), and every
 * request waits with it (one PATCH in ~300 took 21 ms, a twentieth of the server's time). Here the
 * server's connection never checkpoints; a worker thread with its own connection does, without
 * blocking anyone (PASSIVE). Under unbroken writes a passive checkpoint never finds the WAL idle,
 * so it never starts over at the beginning of the file: past `restartAfterFrames` the worker
 * makes it (RESTART, which holds new writes back for the few pages left and the fsyncs).
 *
 * The worker's thread runs at the lowest priority (nice 19; on Linux a thread's nice value is its
 * own). At normal priority, when the pinned server's one core was shared with it, each checkpoint
 * took a scheduler slice of that core while requests waited (PATCHes at 1M contacts, yardstick
 * `h`: p99 2.95–3.21 ms; at nice 19, 2.03–2.19 ms, with the same req/s). It still gets its share
 * of a busy core, so the WAL keeps being copied back.
 */
export interface BackgroundCheckpoints {
  /** Stops the worker after its current checkpoint; the connection's close checkpoints the rest. */
  stop(): Promise<void>;
}

export interface BackgroundCheckpointOptions {
  intervalMs?: number;
  restartAfterFrames?: number;
}

// Plain JavaScript evaluated in the worker: the server runs TypeScript through tsx and Next.js
// bundles its own copy of this module, and neither would hand a worker a file it can load.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
try {
  // This thread's id, for the nice value of this thread alone; only Linux has /proc/thread-self.
  const thread = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
  require("node:os").setPriority(thread, 19);
} catch {}
const checkpoint = () => {
  const [passive] = db.pragma("wal_checkpoint(PASSIVE)");
  if (passive.log >= workerData.restartAfterFrames) db.pragma("wal_checkpoint(RESTART)");
};
const timer = setInterval(() => {
  try {
    checkpoint();
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
}, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** Takes the checkpoints of `database` (a WAL-mode file) off its thread, onto a worker's connection. */
export function checkpointInBackground(database: SQLite.Database, { intervalMs = 100, restartAfterFrames = 16_384 }: BackgroundCheckpointOptions = {}): BackgroundCheckpoints {
  database.pragma("wal_autocheckpoint = 0");
  // From the project's root, where the server runs: Next.js's bundle has no module path of its own to resolve from.
  const driver = createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: database.name, driver, intervalMs, restartAfterFrames } });
  worker.unref();
  worker.on("message", (message: { error: string }) => console.error(`WAL checkpoint failed: ${message.error}`));
  // A worker that cannot run: the connection checkpoints for itself again, as SQLite does by default.
  worker.on("error", (error) => {
    console.error("WAL checkpoints in the background stopped; the server's connection takes them over:", error);
    if (database.open) database.pragma("wal_autocheckpoint = 1000");
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      // Unreferenced, the worker would let the process end before it closed its connection.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
