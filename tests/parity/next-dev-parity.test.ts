import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, newKeyFor, type Tenant } from "../support/fixtures";
import { freePort, REPO_ROOT, TEST_AUTH_SECRET } from "../support/server";

// The API app is mounted twice: by Next.js under `next dev` and by the production server. Both must
// give the same answers: the same requests, on the same database, to each, compared status, the
// headers a client reads, and body. Each server gets its own key, so their rate-limit counts match.

const COMPARED_HEADERS = [
  "content-type",
  "cache-control",
  "allow",
  "www-authenticate",
  "retry-after",
  "x-request-id",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "content-security-policy",
  "x-frame-options",
  "x-content-type-options",
  "referrer-policy",
  "permissions-policy",
  "cross-origin-opener-policy",
];

let devServer: ChildProcess | undefined;
let devUrl = "";
let tenant: Tenant;
const keys = { production: "", dev: "" };

beforeAll(async () => {
  tenant = await createTenant("Parity workspace");
  keys.production = tenant.apiKey;
  keys.dev = await newKeyFor(tenant);
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: inject("databaseUrl"), AUTH_SECRET: TEST_AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1" };
  // Vitest's own BASE_URL ("/") and NODE_ENV ("test") are not the app's.
  delete env.BASE_URL;
  delete env.NODE_ENV;
  let output = "";
  const child = spawn(process.execPath, [path.join(REPO_ROOT, "node_modules/next/dist/bin/next"), "dev", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: REPO_ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  devServer = child;
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  devUrl = `http://127.0.0.1:${port}`;
  // The first request compiles the /v1 route; it may take a while.
  const deadline = Date.now() + 150_000;
  for (;;) {
    const ready = await fetch(`${devUrl}/v1/openapi.json`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`next dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 180_000);

afterAll(() => {
  devServer?.kill("SIGTERM");
});

interface Exchange {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** Send the server's own key (default), a broken one, or none. */
  key?: "own" | "bad" | "none";
}

async function send(base: string, key: string, exchange: Exchange, requestId: string) {
  const headers: Record<string, string> = { "accept-encoding": "identity", "x-request-id": requestId, ...exchange.headers };
  if (exchange.key !== "none") headers.authorization = `Bearer ${exchange.key === "bad" ? "nxv_not-a-real-key" : key}`;
  const response = await fetch(`${base}${exchange.path}`, { method: exchange.method, headers, body: exchange.body });
  const picked = Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers.get(name)]));
  if (exchange.key === "bad" || exchange.key === "none") {
    // Counted against the client address's failed-authentication budget, which each server keeps
    // on its own (the suite's server for every test file): compared for being there, not for values.
    for (const name of ["x-ratelimit-limit", "x-ratelimit-remaining"]) picked[name] &&= "(the address's budget)";
  }
  return { status: response.status, headers: picked, body: await response.text() };
}

const json = { "content-type": "application/json" };

describe("next dev and the production server answer alike", () => {
  it("for the contract's requests: status, the headers a client reads, and body", async () => {
    const exchanges: Exchange[] = [
      { method: "GET", path: "/v1/contacts?limit=5" },
      { method: "GET", path: "/v1/contacts?limit=0" },
      { method: "GET", path: "/v1/contacts?limit=2&limit=3" },
      { method: "GET", path: "/v1/contacts?sortBy=phone" },
      { method: "GET", path: "/v1/contacts/" },
      { method: "GET", path: "/v1/contacts/contact_missing" },
      { method: "GET", path: "/v1/contacts/contact_missing/conversations" },
      { method: "HEAD", path: "/v1/contacts" },
      { method: "OPTIONS", path: "/v1/contacts", key: "none" },
      { method: "OPTIONS", path: "/v1/nowhere", key: "none" },
      { method: "PUT", path: "/v1/contacts", body: "{}", headers: json },
      { method: "GET", path: "/v1/nowhere" },
      { method: "GET", path: "/v1/contacts", key: "none" },
      { method: "GET", path: "/v1/contacts", key: "bad" },
      { method: "POST", path: "/v1/contacts", body: "{}", headers: { "content-type": "text/plain" } },
      { method: "POST", path: "/v1/contacts", body: "{not json", headers: json },
      { method: "POST", path: "/v1/contacts", body: JSON.stringify({ chatbotId: "chatbot_other", email: "a@b" }), headers: json },
      { method: "PATCH", path: "/v1/contacts/contact_missing", body: JSON.stringify({ name: "X" }), headers: json },
      { method: "PATCH", path: "/v1/contacts/contact_missing", body: "{}", headers: json },
      { method: "DELETE", path: "/v1/contacts/contact_missing" },
      { method: "GET", path: "/v1/openapi.json", key: "none" },
    ];
    for (const [index, exchange] of exchanges.entries()) {
      const requestId = `parity-${index}`;
      const production = await send(inject("baseUrl"), keys.production, exchange, requestId);
      const dev = await send(devUrl, keys.dev, exchange, requestId);
      expect(dev, `${exchange.method} ${exchange.path}`).toEqual(production);
    }
  });

  it("for writes: the same statuses and answers but for ids and times", async () => {
    const normalize = (body: string) => body.replace(/contact_[A-Za-z0-9]+/g, "contact_ID").replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "TIME");
    const answers = [];
    for (const [base, key] of [[inject("baseUrl"), keys.production], [devUrl, keys.dev]] as const) {
      const create = await send(base, key, { method: "POST", path: "/v1/contacts", headers: json, body: JSON.stringify({ chatbotId: tenant.chatbotIds[0], name: "Parity", metadata: { a: 1 } }) }, "w1");
      const id = (JSON.parse(create.body) as { data: { contact: { id: string } } }).data.contact.id;
      const patch = await send(base, key, { method: "PATCH", path: `/v1/contacts/${id}`, headers: json, body: JSON.stringify({ metadata: { a: null, b: true } }) }, "w2");
      const read = await send(base, key, { method: "GET", path: `/v1/contacts/${id}` }, "w3");
      const remove = await send(base, key, { method: "DELETE", path: `/v1/contacts/${id}` }, "w4");
      answers.push([create, patch, read, remove].map((a) => ({ ...a, body: normalize(a.body) })));
    }
    expect(answers[1]).toEqual(answers[0]);
  });
});
