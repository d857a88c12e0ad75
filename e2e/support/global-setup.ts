import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_BASE_URL, E2E_PORT, REPO_ROOT, SEED_FILE, SERVER_PID_FILE } from "./paths";

// A fresh database per run: seed it, then serve the production build on it (npm test builds first).
export default async function globalSetup() {
  if (!fs.existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first (npm test does).");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexvio-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${path.join(dir, "nexvio.db")}`,
    AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopq",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const seed = execFileSync(process.execPath, ["--import", "tsx", "e2e/support/seed-e2e.ts"], { cwd: REPO_ROOT, env });
  fs.mkdirSync(path.dirname(SEED_FILE), { recursive: true });
  fs.writeFileSync(SEED_FILE, seed.toString().trim().split("\n").at(-1) ?? "");

  const log = fs.openSync(path.join(dir, "server.log"), "a");
  const server = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: REPO_ROOT,
    env: { ...env, HOST: "127.0.0.1", PORT: String(E2E_PORT), SIGN_IN_LIMIT_PER_MINUTE: "60" },
    stdio: ["ignore", log, log],
    detached: false,
  });
  fs.writeFileSync(SERVER_PID_FILE, String(server.pid));
  await waitUntilServing(server.pid!, path.join(dir, "server.log"));
}

async function waitUntilServing(pid: number, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      throw new Error(`the e2e server exited:\n${fs.readFileSync(logFile, "utf8")}`);
    }
    try {
      if ((await fetch(`${E2E_BASE_URL}/v1/openapi.json`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the e2e server did not start within 60 s:\n${fs.readFileSync(logFile, "utf8")}`);
}
