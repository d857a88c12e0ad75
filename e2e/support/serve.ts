import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths";

/** Serves the production build on `port` in the background; resolves once it answers. Returns the pid. */
export async function serveProductionBuild(env: NodeJS.ProcessEnv, port: number, logFile: string): Promise<number> {
  if (!fs.existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first (npm test does).");
  }
  const log = fs.openSync(logFile, "a");
  const server = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: REPO_ROOT,
    env: { ...env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", log, log],
  });
  const pid = server.pid!;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${fs.readFileSync(logFile, "utf8")}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/v1/openapi.json`)).ok) return pid;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill("SIGKILL");
  throw new Error(`the server did not start within 60 s:\n${fs.readFileSync(logFile, "utf8")}`);
}

export function stopServer(pidFile: string): void {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  fs.rmSync(pidFile);
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    // already gone
  }
}
