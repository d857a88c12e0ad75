import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// Which database the suites run on: the Vitest project sets TEST_BACKEND ("sqlite" or
// "postgres"). Every server and store a test makes gets a database of its own, removed afterwards.

export type TestBackend = "sqlite" | "postgres";

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function testBackend(): TestBackend {
  return process.env.TEST_BACKEND === "postgres" ? "postgres" : "sqlite";
}

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

export function temporarySqliteUrl(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nexvio-${label}-`));
  return `file:${path.join(dir, "nexvio.db")}`;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the suite's backend. */
export async function createTestDatabase(label: string, backend: TestBackend = testBackend()): Promise<TestDatabase> {
  if (backend === "sqlite") {
    const url = temporarySqliteUrl(label);
    return { url, drop: async () => fs.rmSync(path.dirname(url.slice("file:".length)), { recursive: true, force: true }) };
  }
  const name = `nexvio_test_${label.replace(/\W/g, "_")}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** Whether a PostgreSQL server answers at TEST_POSTGRES_URL; the reason when it does not. */
export async function postgresAvailability(): Promise<{ available: true } | { available: false; reason: string }> {
  try {
    await withAdmin((client) => client.query("select 1"));
    return { available: true };
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
