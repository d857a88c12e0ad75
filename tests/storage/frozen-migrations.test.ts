import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { loadMigrations } from "../../lib/db/migrate";

// An applied migration must never change: each one holds its own schema calls and imports nothing
// but kysely, so editing live code cannot rewrite what it did. They are found in their folder, so
// adding one is adding its file.

const directory = path.resolve(import.meta.dirname, "../../lib/db/migrations");

describe("migrations", () => {
  it.each(fs.readdirSync(directory))("%s imports kysely only", (file) => {
    const source = fs.readFileSync(path.join(directory, file), "utf8");
    const modules = [...source.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']/g)].map((match) => match[1] ?? match[2]);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((module) => module !== "kysely" && !module.startsWith("kysely/"))).toEqual([]);
  });

  // The Next.js bundle has Node import them as they are (lib/db/migrate.ts), with no TypeScript
  // compiler: no enum, namespace or other syntax that Node cannot strip.
  it("import into plain Node", () => {
    const urls = fs.readdirSync(directory).map((file) => pathToFileURL(path.join(directory, file)).href);
    const script = `for (const url of ${JSON.stringify(urls)}) if (typeof (await import(url)).up !== "function") throw new Error(url)`;
    expect(() => execFileSync(process.execPath, ["--input-type=module", "--eval", script], { stdio: "pipe" })).not.toThrow();
  });

  it("are every file of lib/db/migrations, in name order", async () => {
    const migrations = await loadMigrations();
    expect(Object.keys(migrations)).toEqual(fs.readdirSync(directory).sort().map((file) => file.replace(/\.ts$/, "")));
    for (const migration of Object.values(migrations)) expect(migration.up).toBeTypeOf("function");
  });

  it("refuses a file not named <timestamp>_<what>.ts rather than skip it", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "nexvio-migrations-"));
    try {
      fs.writeFileSync(path.join(folder, "add_company.ts"), "export async function up() {}\n");
      await expect(loadMigrations(folder)).rejects.toThrow(/add_company\.ts is not named like a migration/);
    } finally {
      fs.rmSync(folder, { recursive: true });
    }
  });
});
