import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { postgresAvailability, type TestBackend } from "./tests/support/backend.ts";

// Two projects: every suite on SQLite (the embedded default), and the HTTP suites (and storage suites that must hold on both) again on
// PostgreSQL when one answers at TEST_POSTGRES_URL. Without one, the PostgreSQL project is left
// out and the run says so.
const postgres = await postgresAvailability();
if (!postgres.available) {
  console.warn(`\n⚠ PostgreSQL suite SKIPPED: no PostgreSQL at ${process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"} (${postgres.reason}). Set TEST_POSTGRES_URL to run it.\n`);
}

const SUITES_ON_BOTH_BACKENDS = [
  "tests/api/**/*.test.ts",
  "tests/dashboard/**/*.test.ts",
  "tests/hardening/**/*.test.ts",
  "tests/openapi/**/*.test.ts",
  "tests/client/**/*.test.ts",
  "tests/storage/metadata-index-updates.test.ts",
  "tests/storage/list-page-shapes.test.ts",
  "tests/storage/contact-json-column.test.ts",
  "tests/storage/import-load-paths.test.ts",
  "tests/storage/import-metadata-index.test.ts",
  "tests/storage/search-with-metadata-filter.test.ts",
];

const project = (name: TestBackend, include: string[]): TestProjectInlineConfiguration => ({
  extends: true,
  // Per project: a global setup in the root config runs once, for the root project, and would give
  // every project the SQLite server.
  test: { name, include, env: { NODE_ENV: "test", TEST_BACKEND: name }, globalSetup: ["tests/support/global-setup.ts"] },
});

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  // Caches outside node_modules: an entry added there makes npm's record of the installed tree look
  // out of date, and every `npx nexvio` then reads all of node_modules first (about 0.9 s on a
  // 2-core host). For the same reason the npm scripts load this file with `--configLoader runner`,
  // which compiles it without a temporary copy in node_modules/.vite-temp.
  cacheDir: ".cache/vite",
  test: {
    fsModuleCachePath: ".cache/vitest",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share one server and one database per project; each works in workspaces of its own.
    fileParallelism: true,
    projects: [
      project("sqlite", ["tests/**/*.test.ts"]),
      ...(postgres.available ? [project("postgres", SUITES_ON_BOTH_BACKENDS)] : []),
    ],
  },
});
