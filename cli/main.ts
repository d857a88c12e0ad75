import { startPreparingThread } from "../lib/import/prepare-in-worker";

// `nexvio import` prepares its rows on a worker thread, which takes about half a second to start (a
// V8 isolate of its own, loading tsx and the preparation's modules). Started before the CLI loads
// its own modules, it is ready when the import asks for its first rows, instead of starting then.
if (process.argv[2] === "import") startPreparingThread();

await import("./program");
