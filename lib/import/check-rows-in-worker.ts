import { once } from "node:events";
import { Worker } from "node:worker_threads";
import type { CheckedBatch, ImportSource } from "./check-rows";
import type { ImportFormat } from "./read-rows";

/**
 * Reads and checks `file` on a worker thread, a batch ahead of the caller: parsing and checking
 * 1M rows is about 15 s of work that would otherwise wait for the database's (measured at 1M
 * contacts), and the machine has a core to spare for it.
 */
export const checkedInWorker =
  (file: string, format: ImportFormat): ImportSource =>
  async function* (workspaceId, chatbots) {
    const worker = new Worker(new URL("./check-rows-worker-entry.mjs", import.meta.url), {
      workerData: { file, format, workspaceId, chatbots: [...chatbots] },
    });
    const requestBatch = () => {
      worker.postMessage("next");
      // `once` rejects if the worker emits "error" first.
      return once(worker, "message").then(([batch]) => batch as CheckedBatch | null);
    };
    try {
      let next = requestBatch();
      for (;;) {
        const batch = await next;
        if (batch === null) return;
        next = requestBatch();
        yield batch;
      }
    } finally {
      await worker.terminate();
    }
  };
