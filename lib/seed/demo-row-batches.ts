import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { demoRows, type DemoRows, type DemoWorkspace } from "./demo-workspace";

/**
 * `total` demo contacts (with conversations) in batches of `batchSize`. Past one batch, a worker
 * thread makes the next batch while the caller writes the current one: generating is about as slow
 * as writing, and the machine has a core to spare for it.
 */
export async function* demoRowBatches(demo: DemoWorkspace, total: number, batchSize: number, now: number): AsyncGenerator<DemoRows> {
  if (total <= batchSize) {
    yield demoRows(demo, total, now);
    return;
  }
  const worker = new Worker(new URL("./demo-rows-worker-entry.mjs", import.meta.url), { workerData: { demo, now } });
  const requestBatch = (count: number) => {
    worker.postMessage(count);
    // `once` rejects if the worker emits "error" first.
    return once(worker, "message").then(([rows]) => rows as DemoRows);
  };
  try {
    let requested = Math.min(batchSize, total);
    let next: Promise<DemoRows> | undefined = requestBatch(requested);
    while (next) {
      const rows: DemoRows = await next;
      const count = Math.min(batchSize, total - requested);
      requested += count;
      next = count > 0 ? requestBatch(count) : undefined;
      yield rows;
    }
  } finally {
    await worker.terminate();
  }
}
