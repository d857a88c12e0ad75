import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3217);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const STATE_DIR = path.join(REPO_ROOT, "e2e", ".state");
export const SEED_FILE = path.join(STATE_DIR, "seed.json");
export const STAFF_STATE_FILE = path.join(STATE_DIR, "staff.json");
export const SERVER_PID_FILE = path.join(STATE_DIR, "server.pid");
export const SCREENSHOT_DIR = path.join(REPO_ROOT, "e2e", "screenshots");
