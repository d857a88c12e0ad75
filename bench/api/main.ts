import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { REPO_ROOT, seededDatabase, startBenchServer, type Backend } from "./bench-server";
import { gatherWorkload, measureAll, type Target } from "./measure";
import { recordRun } from "./results-document";

// `npm run bench`: the API under autocannon. With --url and --key it measures a running server;
// otherwise it seeds (or reuses) a database of --contacts on --backend, serves it, measures, and
// records the table in docs/benchmarks.md.

const positive = (value: string) => {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
};

interface Options {
  url?: string;
  key?: string;
  backend: Backend;
  contacts: number;
  connections: number;
  seconds: number;
  reseed: boolean;
  port: number;
}

const log = (line: string) => console.log(line);

async function measureRunning(target: Target, options: Options) {
  const workload = await gatherWorkload(target);
  log(`${workload.total.toLocaleString("en-US")} contacts; ${options.connections} connections, ${options.seconds} s per scenario`);
  const results = await measureAll(target, workload, { ...options, log });
  return { workload, results };
}

const program = new Command("bench")
  .option("--url <url>", "measure this running server instead of starting one")
  .option("--key <apiKey>", "API key for --url")
  .option("--backend <backend>", "sqlite or postgres", (value) => {
    if (value !== "sqlite" && value !== "postgres") throw new InvalidArgumentError("sqlite or postgres");
    return value;
  }, "sqlite")
  .option("--contacts <count>", "workspace size to seed", positive, 100_000)
  .option("--connections <count>", "concurrent connections", positive, 2)
  .option("--seconds <count>", "duration of each scenario", positive, 10)
  .option("--reseed", "seed a fresh database even if bench/.data has one", false)
  .option("--port <port>", "port for the benchmark server", positive, 3260)
  .action(async (options: Options) => {
    if (options.url) {
      if (!options.key) throw new InvalidArgumentError("--url needs --key");
      await measureRunning({ url: options.url.replace(/\/$/, ""), apiKey: options.key }, options);
      return;
    }
    const seeded = await seededDatabase(options.backend, options.contacts, options.reseed, log);
    const server = await startBenchServer(seeded.databaseUrl, options.port);
    try {
      const { workload, results } = await measureRunning({ url: server.url, apiKey: seeded.apiKey }, options);
      const memory = await server.memory();
      log(`Server: heap ${memory.heapUsedMb.toFixed(0)} MB, RSS ${memory.rssMb.toFixed(0)} MB, peak RSS ${memory.peakRssMb.toFixed(0)} MB`);
      const document = path.join(REPO_ROOT, "docs", "benchmarks.md");
      recordRun(document, { ...options, seedSeconds: seeded.seedSeconds, matches: workload.matches, memory, results });
      log(`Recorded in ${path.relative(process.cwd(), document)}`);
    } finally {
      await server.stop();
    }
  });

await program.parseAsync();
