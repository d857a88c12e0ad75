import type { TestProject } from "vitest/node";
import { openMigratedStore } from "../../lib/db/client";
import { databaseConfig } from "../../lib/config";
import { startServer, temporaryDatabaseUrl } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

// One server for the API suites, on a fresh database file, with the contract's default limits
// except the failed-auth limit, which a suite of its own checks on a server of its own.
export default async function setup(project: TestProject) {
  const databaseUrl = temporaryDatabaseUrl("suite");
  const store = await openMigratedStore(databaseConfig({ DATABASE_URL: databaseUrl }));
  await store.db.destroy();
  const server = await startServer({ DATABASE_URL: databaseUrl, AUTH_FAILURE_LIMIT_PER_MINUTE: "1000000" });
  project.provide("baseUrl", server.url);
  project.provide("databaseUrl", databaseUrl);
  return async () => {
    await server.stop();
  };
}
