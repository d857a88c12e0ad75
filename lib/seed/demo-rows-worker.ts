import { parentPort, workerData } from "node:worker_threads";
import { demoRows, type DemoWorkspace } from "./demo-workspace";

// Generates demo rows on a second core while the main thread writes the previous batch.
const { demo, now } = workerData as { demo: DemoWorkspace; now: number };
parentPort?.on("message", (count: number) => parentPort?.postMessage(demoRows(demo, count, now)));
