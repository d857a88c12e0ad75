import { once } from "node:events";
import { parentPort } from "node:worker_threads";
import { preparedBatches } from "./prepare-batches";
import { readRows } from "./read-rows";
import type { BatchMessage, PrepareTask } from "./prepare-in-worker";

// The worker side of prepare-in-worker.ts: waits for its task (the first message), then reads,
// checks and prepares the file's rows, posting each batch and waiting whenever the importing thread
// has `batchesAhead` batches not yet taken (each later message says one was taken).

const port = parentPort!;
const [task] = (await once(port, "message")) as [PrepareTask];
let untaken = 0;
let taken: (() => void) | undefined;
port.on("message", () => {
  untaken -= 1;
  taken?.();
});

let bytesRead = 0;
const rows = readRows(task.file, task.format, (bytes) => (bytesRead = bytes));
for await (const batch of preparedBatches(rows, task.workspaceId, new Set(task.chatbotIds), task.batchSize, task.metadataIndex)) {
  port.postMessage({ batch, bytesRead } satisfies BatchMessage);
  untaken += 1;
  while (untaken >= task.batchesAhead) await new Promise<void>((resolve) => (taken = resolve));
}
port.postMessage({ done: true } satisfies BatchMessage);
port.close();
