import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { authSecretFile } from "../config";

// The key better-auth signs session cookies with. Several processes must share it, so production
// sets AUTH_SECRET; the embedded default generates one on first start and keeps it in data/.
export function authSecret(env: Record<string, string | undefined> = process.env): string {
  const given = env.AUTH_SECRET?.trim();
  if (given) {
    if (given.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters");
    return given;
  }
  const file = authSecretFile(env);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process created it first; read theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}
