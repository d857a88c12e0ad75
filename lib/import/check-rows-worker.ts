import { parentPort, workerData } from "node:worker_threads";
import { checkedBatches } from "./check-rows";
import { readRows, type ImportFormat } from "./read-rows";

// Reads and checks the next batch of an import file when asked (see check-rows-in-worker.ts).
const { file, format, workspaceId, chatbots } = workerData as { file: string; format: ImportFormat; workspaceId: string; chatbots: string[] };
let bytesRead = 0;
const batches = checkedBatches(readRows(file, format, (bytes) => (bytesRead = bytes)), workspaceId, new Set(chatbots), () => bytesRead);
parentPort?.on("message", () => {
  batches.next().then(
    (next) => parentPort?.postMessage(next.done ? null : next.value),
    (error: unknown) => {
      throw error;
    },
  );
});
