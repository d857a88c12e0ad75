import { Worker } from "node:worker_threads";
import type { PreparedBatch } from "./prepare-batches";
import type { ImportFormat } from "./read-rows";

// An import file's rows are read, parsed, checked and made into contact rows on a worker thread
// while the importing thread writes the batches before them: at 1M contacts that preparation is
// about as much work as the database's (measured: 20 s of 68), and it needs no database.

export interface PrepareTask {
  file: string;
  format: ImportFormat;
  workspaceId: string;
  chatbotIds: string[];
  batchSize: number;
  /** Whether the batches bring their metadata's index rows (see insertableContacts). */
  metadataIndex: boolean;
  /** Prepared batches the worker keeps ready before waiting (bounds the memory held). */
  batchesAhead: number;
}

export type BatchMessage = { batch: PreparedBatch; bytesRead: number } | { done: true };

/** A preparing thread and what it has said so far, heard from its start. */
interface PreparingThread {
  worker: Worker;
  arrived: BatchMessage[];
  failure?: Error;
  wake?: () => void;
}

/** A preparing thread started ahead of its task, until an import takes it. */
let startedAhead: PreparingThread | undefined;

function newPreparingThread(): PreparingThread {
  // The worker runs the TypeScript sources through tsx, as the CLI itself does (bin/nexvio.mjs).
  const worker = new Worker(new URL("./prepare-worker.ts", import.meta.url), { execArgv: ["--import", import.meta.resolve("tsx")] });
  const thread: PreparingThread = { worker, arrived: [] };
  const notify = () => {
    thread.wake?.();
    thread.wake = undefined;
  };
  worker.on("message", (message: BatchMessage) => {
    thread.arrived.push(message);
    notify();
  });
  worker.on("error", (error) => {
    thread.failure = error;
    notify();
  });
  // A worker's messages are all delivered before its exit event.
  worker.on("exit", (code) => {
    thread.failure ??= new Error(`the import's preparing thread stopped ${code === 0 ? "before the end of the file" : `with code ${code}`}`);
    notify();
  });
  return thread;
}

/**
 * Starts the thread the next preparedBatchesInWorker will use, so that its start overlaps the
 * caller's. Until then it waits for its task without keeping the process alive.
 */
export function startPreparingThread(): void {
  startedAhead ??= newPreparingThread();
  startedAhead.worker.unref();
}

/** The file's prepared batches, in file order; `onBytes` hears how far the worker has read. */
export async function* preparedBatchesInWorker(
  task: Omit<PrepareTask, "batchesAhead">,
  onBytes: (bytesRead: number) => void = () => {},
): AsyncGenerator<PreparedBatch> {
  const thread = startedAhead ?? newPreparingThread();
  startedAhead = undefined;
  const { worker, arrived } = thread;
  worker.ref();
  worker.postMessage({ ...task, batchesAhead: 2 } satisfies PrepareTask);
  try {
    for (;;) {
      const message = arrived.shift();
      if (message === undefined) {
        if (thread.failure) throw thread.failure;
        await new Promise<void>((resolve) => (thread.wake = resolve));
        continue;
      }
      if ("done" in message) return;
      onBytes(message.bytesRead);
      worker.postMessage("taken");
      yield message.batch;
    }
  } finally {
    await worker.terminate();
  }
}
