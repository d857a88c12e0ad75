import type { TestProject } from "vitest/node";
import { openMigratedStore } from "../../lib/db/client";
import { databaseConfig } from "../../lib/config";
import { createTestDatabase, type TestBackend } from "./backend";
import { startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

// One server per project (SQLite, PostgreSQL) for the API suites, on a fresh database, with the
// contract's default limits except the failed-auth and sign-in limits, which suites check on servers of their own.
export default async function setup(project: TestProject) {
  const backend: TestBackend = project.name === "postgres" ? "postgres" : "sqlite";
  process.env.TEST_BACKEND = backend;
  const database = await createTestDatabase("suite", backend);
  const store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
  await store.db.destroy();
  const server = await startServer({
    DATABASE_URL: database.url,
    AUTH_FAILURE_LIMIT_PER_MINUTE: "1000000",
    // Every suite signs its staff in from 127.0.0.1 within the same minute.
    SIGN_IN_LIMIT_PER_MINUTE: "1000000",
  });
  project.provide("baseUrl", server.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await server.stop();
    await database.drop();
  };
}
