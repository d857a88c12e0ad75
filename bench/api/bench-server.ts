import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

// The benchmark's own database and server: a workspace seeded once per backend and size (kept in
// bench/.data for later runs), served by the production build with the rate limit out of the way.

const run = promisify(execFile);
export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const DATA_DIR = path.join(REPO_ROOT, "bench", ".data");
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type Backend = "sqlite" | "postgres";

export interface SeededDatabase {
  databaseUrl: string;
  apiKey: string;
  seedSeconds: number;
}

function databaseUrlFor(backend: Backend, contacts: number): string {
  if (backend === "sqlite") return `file:${path.join(DATA_DIR, `sqlite-${contacts}`, "nexvio.db")}`;
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/nexvio_bench_${contacts}`;
  return url.toString();
}

async function createEmptyDatabase(backend: Backend, databaseUrl: string): Promise<void> {
  if (backend === "sqlite") {
    fs.rmSync(path.dirname(databaseUrl.slice("file:".length)), { recursive: true, force: true });
    return;
  }
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

/** A database with one workspace of `contacts` demo contacts: made with `nexvio seed`, or the one kept from an earlier run. */
export async function seededDatabase(backend: Backend, contacts: number, reseed: boolean, log: (line: string) => void): Promise<SeededDatabase> {
  const stateFile = path.join(DATA_DIR, `${backend}-${contacts}.json`);
  if (!reseed && fs.existsSync(stateFile)) return JSON.parse(fs.readFileSync(stateFile, "utf8")) as SeededDatabase;
  const databaseUrl = databaseUrlFor(backend, contacts);
  await createEmptyDatabase(backend, databaseUrl);
  log(`Seeding ${contacts.toLocaleString("en-US")} contacts on ${backend}…`);
  const started = performance.now();
  const { stdout } = await run(process.execPath, ["bin/nexvio.mjs", "seed", "--contacts", String(contacts), "--json"], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    maxBuffer: 16 * 1024 * 1024,
  });
  const seedSeconds = (performance.now() - started) / 1000;
  const seeded: SeededDatabase = { databaseUrl, apiKey: JSON.parse(stdout.trim().split("\n").at(-1)!).apiKey, seedSeconds };
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(stateFile, JSON.stringify(seeded));
  log(`Seeded in ${seedSeconds.toFixed(1)} s`);
  return seeded;
}

export interface BenchServer {
  url: string;
  /** Peak resident set (VmHWM) and JS heap of the server process, in MiB, read now. */
  memory: () => Promise<{ peakRssMb: number; rssMb: number; heapUsedMb: number }>;
  stop: () => Promise<void>;
}

const mib = (bytes: number) => bytes / 1024 / 1024;

/**
 * The Node flags `npm run serve` starts the server with (its young generation's size), read from
 * package.json, so that the benchmark measures the server as it runs in production.
 */
function serveNodeFlags(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const flags = /^node((?: --\S+)*) scripts\/server\.mjs$/.exec(scripts.serve ?? "");
  if (!flags) throw new Error(`package.json's serve script is not "node [--flags] scripts/server.mjs": ${scripts.serve}`);
  return flags[1]!.split(" ").filter(Boolean);
}

export async function startBenchServer(databaseUrl: string, port: number): Promise<BenchServer> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const log = fs.openSync(path.join(DATA_DIR, "server.log"), "a");
  const memoryFile = path.join(os.tmpdir(), `nexvio-bench-memory-${process.pid}.json`);
  const child: ChildProcess = spawn(process.execPath, [...serveNodeFlags(), "--import", "./bench/api/memory-probe.mjs", "scripts/server.mjs"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "bench-only-secret-0123456789abcdefghijklmnop",
      RATE_LIMIT_PER_MINUTE: "1000000000",
      BENCH_MEMORY_FILE: memoryFile,
    },
    stdio: ["ignore", log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`the benchmark server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/v1/openapi.json`)).ok) break;
    } catch {
      if (tries > 600) throw new Error("the benchmark server did not start within 60 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    memory: async () => {
      fs.rmSync(memoryFile, { force: true });
      child.kill("SIGUSR2");
      while (!fs.existsSync(memoryFile)) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const usage = JSON.parse(fs.readFileSync(memoryFile, "utf8")) as NodeJS.MemoryUsage;
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      const peakKb = Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
      return { peakRssMb: peakKb / 1024, rssMb: mib(usage.rss), heapUsedMb: mib(usage.heapUsed) };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
