import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// An applied migration must never change: each one holds its own schema calls and imports nothing
// but kysely, so editing live code cannot rewrite what it did.

const directory = path.resolve(import.meta.dirname, "../../lib/db/migrations");

describe("migrations", () => {
  it.each(fs.readdirSync(directory))("%s imports kysely only", (file) => {
    const source = fs.readFileSync(path.join(directory, file), "utf8");
    const modules = [...source.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']/g)].map((match) => match[1] ?? match[2]);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((module) => module !== "kysely" && !module.startsWith("kysely/"))).toEqual([]);
  });
});
