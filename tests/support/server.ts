import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createTestDatabase, temporarySqliteUrl, type TestDatabase } from "./backend";
import net from "node:net";
import path from "node:path";

// Starts the real production server (lib/server through scripts/server.mjs, over the `next build` output) on a free port.

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** Signs the test servers' session cookies; never used outside tests. */
export const TEST_AUTH_SECRET = "test-only-secret-0123456789abcdefghijklmnop";

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningServer {
  url: string;
  databaseUrl: string;
  output: () => string;
  /** Sends a signal to the process; resolves with how it ended. */
  kill: (signal: NodeJS.Signals) => Promise<ServerExit>;
  /** A new process (new port) on the same database and settings, once this one has ended; it takes over dropping the database. */
  restart: () => Promise<RunningServer>;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A fresh SQLite file (for the SQLite-only suites: storage, CLI). */
export const temporaryDatabaseUrl = temporarySqliteUrl;

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  // Without a given database, a fresh one on the suite's backend, dropped when the server stops.
  const ownDatabase = env.DATABASE_URL ? undefined : await createTestDatabase("server");
  return launch({ ...env, DATABASE_URL: env.DATABASE_URL ?? ownDatabase!.url }, ownDatabase);
}

async function launch(env: Record<string, string>, ownDatabase: TestDatabase | undefined): Promise<RunningServer> {
  if (!fs.existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first (npm test does).");
  }
  const port = await freePort();
  let output = "";
  // Vitest puts Vite's BASE_URL ("/") into process.env; to the server, BASE_URL is its public URL
  // (better-auth refuses "/" and every sign-in fails), so the child must not inherit it.
  const inherited = { ...process.env };
  delete inherited.BASE_URL;
  const child: ChildProcess = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: REPO_ROOT,
    env: { ...inherited, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), AUTH_SECRET: TEST_AUTH_SECRET, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<ServerExit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(url, child, () => output);
  const kill = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return {
    url,
    databaseUrl: env.DATABASE_URL,
    output: () => output,
    kill,
    restart: async () => {
      await exited;
      return launch(env, ownDatabase);
    },
    stop: async () => {
      await kill("SIGTERM");
      await ownDatabase?.drop();
    },
  };
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start within 30 s:\n${output()}`);
}
