import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_PORT, REPO_ROOT, SEED_FILE, SERVER_PID_FILE, STATE_DIR } from "./paths";
import { serveProductionBuild } from "./serve";

// A fresh database per run: seed it, then serve the production build on it (npm test builds first).
export default async function globalSetup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexvio-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, "nexvio.db")}`,
    AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopq",
    NEXT_TELEMETRY_DISABLED: "1",
    SIGN_IN_LIMIT_PER_MINUTE: "60",
    // e2e/webhooks.spec.ts receives on 127.0.0.1.
    WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: "true",
  };
  const seed = execFileSync(process.execPath, ["--import", "tsx", "e2e/support/seed-e2e.ts"], { cwd: REPO_ROOT, env });
  fs.mkdirSync(STATE_DIR, { recursive: true });
  fs.writeFileSync(SEED_FILE, seed.toString().trim().split("\n").at(-1) ?? "");
  const pid = await serveProductionBuild(env, E2E_PORT, path.join(dir, "server.log"));
  fs.writeFileSync(SERVER_PID_FILE, String(pid));
}
