import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, temporaryDatabaseUrl } from "../support/server";

// Several processes starting on one new SQLite file at once (servers, a CLI) all migrate it: Kysely
// has no migration lock on SQLite, so lib/db/migrate.ts takes the database write lock for the whole run.

const MIGRATE = `
  const { databaseConfig } = require("./lib/config");
  const { openMigratedStore } = require("./lib/db/client");
  openMigratedStore(databaseConfig({ DATABASE_URL: process.env.DATABASE_URL }))
    .then((store) => store.db.destroy())
    .catch((error) => { console.error(error); process.exit(1); });
`;

function migrateInProcess(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(REPO_ROOT, "node_modules/.bin/tsx"), ["--eval", MIGRATE], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("migrations from several processes at once", () => {
  it("every process ends with the database migrated, none fails", async () => {
    for (let round = 0; round < 3; round++) {
      const url = temporaryDatabaseUrl(`migrate-race-${round}`);
      const runs = await Promise.all(Array.from({ length: 8 }, () => migrateInProcess(url)));
      for (const run of runs) expect(run, run.output).toMatchObject({ code: 0 });
    }
  }, 120_000);
});
