import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startServerOrExit } from "./http-server";

// `npm start`: everything a newcomer needs on the embedded default, in one command — build when
// the build is missing or older than the sources, migrate, seed a demo workspace into an empty
// database (printing its API key), then serve dashboard and API on PORT.

const root = path.resolve(import.meta.dirname, "../..");
const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tailwind.config.ts"];

function newestModification(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestModification(path.join(entry, name))));
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestModification(path.join(root, source)) <= builtAt);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
if (!buildIsCurrent()) {
  console.log("Building the app (first start, or the sources changed)…");
  run(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"]);
}
run(process.execPath, [path.join(root, "bin", "nexvio.mjs"), "bootstrap"]);

(process.env as Record<string, string | undefined>).NODE_ENV = "production";
const server = await startServerOrExit({ dir: root });
const address = server.address();
console.log(`Nexvio Contacts is serving on http://localhost:${typeof address === "object" && address ? address.port : ""} (Ctrl+C to stop)`);
