import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayPrefix, generateApiKey, hashApiKey } from "../../lib/api-keys/secret";
import { apiKeyMatchesHash } from "../../lib/api-keys/verify";
import { serializeError } from "../../lib/log";
import { call, expectError, expectSuccess } from "../support/api";
import { testBackend } from "../support/backend";
import type { Tenant } from "../support/fixtures";
import { REPO_ROOT } from "../support/server";
import { signIn } from "../support/staff";
import { createTenants, startHardeningServer, type HardeningServer } from "./hardening-server";

// Secrets are stored only as hashes, compared in constant time, and never written to the logs;
// nor is anything a client sent in a body.

const run = promisify(execFile);
const STAFF_EMAIL = "secrets.staff@example.com";
const STAFF_PASSWORD = "Correct-Horse-Staple-7731";
const WRONG_PASSWORD = "Wrong-Password-Guess-5519";
// Values sent in bodies; distinctive so that any copy of them in a dump or a log is found.
const BODY = { name: "Body-Secret-Name-q7Zp", email: "body-secret-q7zp@example.com", phone: "+15550001234", note: "Body-Secret-Metadata-q7Zp" };
const BOOM_NAME = "Body-Secret-Boom-q7Zp";
const FAILING_REQUEST_ID = "secrets-internal-error-1";
const LOGGED_REQUEST_ID = "secrets-logged-request-1";

let harness: HardeningServer;
let tenant: Tenant;
let dashboardKey: string;

beforeAll(async () => {
  harness = await startHardeningServer({ LOG_LEVEL: "debug" });
  [tenant] = await createTenants(harness.store, "Secrets");
  // The operator's way to make a staff user, so the CLI's hashing is the one checked.
  await run(
    process.execPath,
    ["bin/nexvio.mjs", "users", "create", "--email", STAFF_EMAIL, "--password", STAFF_PASSWORD, "--workspace", tenant.workspaceId, "--json"],
    { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: harness.server.databaseUrl } },
  );
  expect((await signIn(STAFF_EMAIL, WRONG_PASSWORD, harness.server.url)).status).toBe(401);
  const signedIn = await signIn(STAFF_EMAIL, STAFF_PASSWORD, harness.server.url);
  expect(signedIn.status).toBe(200);
  const cookie = signedIn.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  // A key made in the dashboard, the way staff make them.
  const created = await call("POST", "/api/workspace/api-keys", { baseUrl: harness.server.url, headers: { cookie, origin: harness.server.url }, body: { name: "dashboard key" } });
  dashboardKey = expectSuccess(created, 201).key;
}, 60_000);

afterAll(() => harness.stop());

const plaintexts = () => [tenant.apiKey, dashboardKey, STAFF_PASSWORD];

async function databaseDump(): Promise<string> {
  if (testBackend() === "postgres") {
    const { stdout } = await run("pg_dump", ["--no-owner", harness.server.databaseUrl], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  }
  const file = harness.server.databaseUrl.slice("file:".length);
  const parts = [file, `${file}-wal`, `${file}-shm`].filter((part) => fs.existsSync(part)).map((part) => fs.readFileSync(part));
  // latin1 keeps every byte as one character, so an ASCII secret is found wherever its bytes are.
  return Buffer.concat(parts).toString("latin1");
}

describe("secrets at rest", () => {
  it("the database holds hashes and prefixes of keys and passwords, never the plaintexts", async () => {
    // Use both keys first, so that authentication has written whatever it writes.
    for (const key of [tenant.apiKey, dashboardKey]) expectSuccess(await call("GET", "/v1/contacts?limit=1", { baseUrl: harness.server.url, key }));
    const dump = await databaseDump();
    expect(dump.length).toBeGreaterThan(1000);
    for (const secret of plaintexts()) {
      expect(dump).not.toContain(secret);
      // Not even the part after a prefix.
      expect(dump).not.toContain(secret.slice(6));
    }
    // What is stored instead is there, so the dump above is the real thing.
    for (const key of [tenant.apiKey, dashboardKey]) {
      expect(dump).toContain(hashApiKey(key));
      expect(dump).toContain(displayPrefix(key));
    }
    const account = await harness.store.db.selectFrom("staff_accounts").select("password").where("provider_id", "=", "credential").executeTakeFirstOrThrow();
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(STAFF_PASSWORD);
    expect(dump).toContain(account.password);
  });
});

describe("API key comparison", () => {
  const key = generateApiKey();
  const stored = hashApiKey(key);
  const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);

  it("matches the key its hash was made from", () => {
    expect(apiKeyMatchesHash(key, stored)).toBe(true);
  });

  it("refuses keys of the same length that differ anywhere", () => {
    for (const at of [4, 5, 20, key.length - 1]) expect(apiKeyMatchesHash(flip(key, at), stored)).toBe(false);
    expect(apiKeyMatchesHash(key.toLowerCase() === key ? key.toUpperCase() : key.toLowerCase(), stored)).toBe(false);
  });

  it("refuses longer, shorter and empty keys", () => {
    for (const candidate of [`${key}A`, key.slice(0, -1), "", "nxv_"]) expect(apiKeyMatchesHash(candidate, stored)).toBe(false);
  });

  it("never matches, and never throws, on a stored hash of another shape", () => {
    for (const malformed of ["", stored.slice(0, -2), `${stored}00`, stored.toUpperCase(), `${stored.slice(0, -1)}z`, key]) {
      expect(() => apiKeyMatchesHash(key, malformed)).not.toThrow();
      expect(apiKeyMatchesHash(key, malformed)).toBe(false);
    }
  });
});

describe("logs", () => {
  /** Makes inserting a contact with BOOM_NAME fail inside the database, as an unexpected error would. */
  async function armInternalError() {
    if (testBackend() === "postgres") {
      // PostgreSQL reports a check violation with the whole failing row in the error's `detail`.
      await sql`alter table contacts add constraint hardening_no_boom check (name is distinct from ${sql.lit(BOOM_NAME)})`.execute(harness.store.db);
    } else {
      await sql`create trigger hardening_no_boom before insert on contacts when new.name = ${sql.lit(BOOM_NAME)}
        begin select raise(abort, 'refused by the hardening test'); end`.execute(harness.store.db);
    }
  }

  it("keep an error's type, code, message and stack, but not the row a database driver attached", () => {
    const driverError = Object.assign(new Error("new row violates check constraint"), { code: "23514", detail: `Failing row contains (${BODY.name})`, where: BODY.note });
    const logged = JSON.stringify(serializeError(new Error("outer", { cause: driverError })));
    expect(JSON.parse(logged)).toMatchObject({ type: "Error", message: "outer", cause: { code: "23514", message: "new row violates check constraint" } });
    expect(logged).not.toContain(BODY.name);
    expect(logged).not.toContain(BODY.note);
  });

  it("carry request ids but no API key, password or body value, even for an internal error", async () => {
    const baseUrl = harness.server.url;
    const body = { chatbotId: tenant.chatbotIds[0], name: BODY.name, email: BODY.email, phone: BODY.phone, metadata: { note: BODY.note } };
    for (const key of [tenant.apiKey, dashboardKey]) {
      expectSuccess(await call("POST", "/v1/contacts", { baseUrl, key, body }), 201);
      expectSuccess(await call("GET", `/v1/contacts?search=${encodeURIComponent(BODY.name)}`, { baseUrl, key }));
      expectError(await call("POST", "/v1/contacts", { baseUrl, key, body: { ...body, email: "not an email", extra: BODY.note } }), 400, "validation_error");
      expectError(await call("PATCH", "/v1/contacts/contact_missing", { baseUrl, key, body: { name: BODY.name } }), 404, "not_found");
    }
    const guessedKey = `nxv_${"Q".repeat(40)}`;
    expectError(await call("GET", "/v1/contacts", { baseUrl, key: guessedKey }), 401, "unauthorized");
    expect((await signIn(STAFF_EMAIL, WRONG_PASSWORD, baseUrl)).status).toBe(401);
    expect((await signIn(STAFF_EMAIL, STAFF_PASSWORD, baseUrl)).status).toBe(200);

    const logged = await call("GET", `/v1/contacts?search=${encodeURIComponent(BODY.name)}`, {
      baseUrl,
      key: tenant.apiKey,
      headers: { "x-request-id": LOGGED_REQUEST_ID },
    });
    expectSuccess(logged);
    expect(logged.headers.get("x-request-id")).toBe(LOGGED_REQUEST_ID);

    await armInternalError();
    const failing = await call("POST", "/v1/contacts", {
      baseUrl,
      key: tenant.apiKey,
      headers: { "x-request-id": FAILING_REQUEST_ID },
      body: { ...body, name: BOOM_NAME },
    });
    expectError(failing, 500, "internal_error");
    expect(failing.headers.get("x-request-id")).toBe(FAILING_REQUEST_ID);

    await expect.poll(() => harness.server.output(), { timeout: 5000 }).toContain(FAILING_REQUEST_ID);
    const output = harness.server.output();
    const errorLine = output.split("\n").find((line) => line.includes(FAILING_REQUEST_ID));
    expect(JSON.parse(errorLine ?? "{}")).toMatchObject({ level: 50, requestId: FAILING_REQUEST_ID, method: "POST", path: "/v1/contacts" });
    // Every API request gets a line: its id, method, path (no query string), status and duration.
    const requestLine = output.split("\n").find((line) => line.includes(LOGGED_REQUEST_ID));
    expect(JSON.parse(requestLine ?? "{}")).toMatchObject({ level: 30, msg: "request", requestId: LOGGED_REQUEST_ID, method: "GET", path: "/v1/contacts", status: 200, durationMs: expect.any(Number) });
    for (const secret of [...plaintexts(), guessedKey, WRONG_PASSWORD, BODY.name, BODY.email, BODY.phone, BODY.note, BOOM_NAME]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toMatch(/authorization|cookie/i);
  });
});
