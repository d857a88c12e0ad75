// Loaded into the benchmarked server with --import: on SIGUSR2 it writes the process's memory to
// BENCH_MEMORY_FILE, so the benchmark can read the JS heap at the end of a run.
import fs from "node:fs";

process.on("SIGUSR2", () => {
  fs.writeFileSync(process.env.BENCH_MEMORY_FILE, JSON.stringify(process.memoryUsage()));
});
