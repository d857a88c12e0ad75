import path from "node:path";
import { STATE_DIR } from "../../e2e/support/paths";

export const BENCH_CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3251);
export const BENCH_BASE_URL = `http://127.0.0.1:${BENCH_PORT}`;
export const BENCH_STATE_FILE = path.join(STATE_DIR, "bench.json");
export const BENCH_PID_FILE = path.join(STATE_DIR, "bench-server.pid");
export const BENCH_STAFF = { email: "bench@example.com", password: "bench-password-1" };
