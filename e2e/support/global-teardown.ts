import fs from "node:fs";
import { SERVER_PID_FILE } from "./paths";

export default async function globalTeardown() {
  if (!fs.existsSync(SERVER_PID_FILE)) return;
  const pid = Number(fs.readFileSync(SERVER_PID_FILE, "utf8"));
  fs.rmSync(SERVER_PID_FILE);
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    // already gone
  }
}
