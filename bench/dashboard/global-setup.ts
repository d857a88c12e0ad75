import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT, STATE_DIR } from "../../e2e/support/paths";
import { serveProductionBuild } from "../../e2e/support/serve";
import { BENCH_CONTACTS, BENCH_PID_FILE, BENCH_PORT, BENCH_STAFF, BENCH_STATE_FILE } from "./paths";

// A fresh database with one big workspace (`nexvio seed --contacts N`) and a staff user in it.
export default async function globalSetup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexvio-bench-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, "nexvio.db")}`,
    AUTH_SECRET: "bench-only-secret-0123456789abcdefghijklmnop",
    NEXT_TELEMETRY_DISABLED: "1",
    SESSION_RATE_LIMIT_PER_MINUTE: "100000",
  };
  const nexvio = (args: string[]) => execFileSync(process.execPath, ["bin/nexvio.mjs", ...args], { cwd: REPO_ROOT, env }).toString();
  const started = performance.now();
  const seeded = JSON.parse(nexvio(["seed", "--contacts", String(BENCH_CONTACTS), "--json"]).trim().split("\n").at(-1) ?? "{}");
  const seedSeconds = (performance.now() - started) / 1000;
  nexvio(["users", "create", "--workspace", seeded.workspaceId, "--email", BENCH_STAFF.email, "--password", BENCH_STAFF.password]);
  fs.mkdirSync(STATE_DIR, { recursive: true });
  fs.writeFileSync(BENCH_STATE_FILE, JSON.stringify({ ...seeded, seedSeconds }));
  fs.writeFileSync(BENCH_PID_FILE, String(await serveProductionBuild(env, BENCH_PORT, path.join(dir, "server.log"))));
}
