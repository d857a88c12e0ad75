import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { POSTGRES_ADMIN_URL, testBackend } from "../support/backend";
import { startServer, type RunningServer } from "../support/server";

// /healthz: the process is up (no database involved). /readyz: the database answers a query.
// Neither needs a key or a session, neither is rate-limited or cached.

const started: RunningServer[] = [];
afterAll(() => Promise.all(started.map((server) => server.stop())));

async function serverOn(databaseUrl: string): Promise<RunningServer> {
  const server = await startServer({ DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" });
  started.push(server);
  return server;
}

async function probe(baseUrl: string, path: "/healthz" | "/readyz") {
  const response = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function expectProbeHeaders(headers: Headers) {
  expect(headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(headers.get("cache-control")).toBe("no-store");
  expect(headers.get("x-ratelimit-limit")).toBeNull();
}

describe("GET /healthz", () => {
  it("answers 200 {status: ok} to anyone, every time: no key, no sign-in redirect, no rate limit, no caching", async () => {
    const answers = await Promise.all(Array.from({ length: 150 }, () => probe(inject("baseUrl"), "/healthz")));
    for (const answer of answers) {
      expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({ status: 200, body: { status: "ok" } });
      expectProbeHeaders(answer.headers);
    }
  });
});

describe("GET /readyz", () => {
  it("answers 200 when the database answers", async () => {
    const answer = await probe(inject("baseUrl"), "/readyz");
    expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({ status: 200, body: { status: "ok", database: "ok" } });
    expectProbeHeaders(answer.headers);
  });

  function expectUnavailable(answer: Awaited<ReturnType<typeof probe>>, secrets: string[]) {
    expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({ status: 503, body: { status: "unavailable", database: "unreachable" } });
    expectProbeHeaders(answer.headers);
    for (const secret of secrets) expect(answer.text).not.toContain(secret);
  }

  it("answers 503 when the database cannot be reached, while /healthz stays 200", async () => {
    const outage = await databaseOutage({ repairable: false });
    try {
      const server = await serverOn(outage.url);
      expectUnavailable(await probe(server.url, "/readyz"), outage.secrets);
      expect((await probe(server.url, "/healthz")).status).toBe(200);
      await expect.poll(() => server.output()).toContain("readiness check failed");
    } finally {
      await outage.cleanup();
    }
  });

  it("turns 200 once the database can be reached, with no restart", async () => {
    const outage = await databaseOutage({ repairable: true });
    try {
      const server = await serverOn(outage.url);
      expectUnavailable(await probe(server.url, "/readyz"), outage.secrets);
      await outage.repair();
      expect((await probe(server.url, "/readyz")).status).toBe(200);
      await server.stop();
    } finally {
      await outage.cleanup();
    }
  });
});

interface Outage {
  url: string;
  /** What the 503 body must not reveal. */
  secrets: string[];
  repair: () => Promise<void>;
  cleanup: () => Promise<void>;
}

/**
 * A database the server cannot open. PostgreSQL: nothing listens on the port, or (repairable) the
 * database is not created yet. SQLite: the file's folder is a regular file.
 */
async function databaseOutage({ repairable }: { repairable: boolean }): Promise<Outage> {
  if (testBackend() === "postgres" && !repairable) {
    const nothing = async () => undefined;
    return { url: "postgres://postgres@127.0.0.1:1/nexvio", secrets: ["127.0.0.1", "postgres", "ECONNREFUSED"], repair: nothing, cleanup: nothing };
  }
  if (testBackend() === "postgres") {
    const name = `nexvio_test_ready_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    const admin = (sql: string) => withAdmin((client) => client.query(sql));
    return {
      url: url.toString(),
      secrets: [name, "127.0.0.1", "postgres", "does not exist"],
      repair: () => admin(`create database ${name}`),
      cleanup: () => admin(`drop database if exists ${name} with (force)`),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexvio-unready-"));
  const folder = path.join(dir, "data");
  fs.writeFileSync(folder, "not a folder");
  return {
    url: `file:${path.join(folder, "nexvio.db")}`,
    secrets: [dir, "nexvio.db", "ENOTDIR"],
    repair: async () => {
      fs.rmSync(folder);
      fs.mkdirSync(folder);
    },
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function withAdmin(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
