import os from "node:os";
import type { Db } from "../client";
import { pragmaValue } from "./pragma";

// CREATE INDEX sorts every row of its table; with helper threads SQLite sorts runs of them in
// parallel while it reads on (measured at 1M contacts, one index on contacts and one on
// contact_metadata: 2.1–3.0 s → 1.8–2.0 s and 4.3–6.1 s → 3.4–3.9 s on two cores; a larger sort
// memory or in-memory temporary files gained nothing). The connection goes back to sorting alone.

const SQLITE_MAX_WORKER_THREADS = 8;

export async function withSorterThreads<T>(db: Db, build: () => Promise<T>): Promise<T> {
  const before = await pragmaValue(db, "threads");
  await pragmaValue(db, `threads = ${Math.min(os.availableParallelism(), SQLITE_MAX_WORKER_THREADS)}`);
  try {
    return await build();
  } finally {
    await pragmaValue(db, `threads = ${Number(before)}`);
  }
}
