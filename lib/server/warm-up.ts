import type http from "node:http";
import type { AddressInfo } from "node:net";
import { createApiKey } from "../api-keys/repository";
import { whileBudgetsSetAside } from "../api/rate-limit";
import { createChatbot } from "../chatbots/repository";
import { openMigratedStore, whileStoreIs, type Store } from "../db/client";
import { log } from "../log";
import { createWorkspace } from "../workspaces/repository";

// A fresh process runs the request path in V8's interpreter until it has seen enough calls to
// compile it, and compiles on threads that share the server's core. Measured under the yardstick
// (docs/benchmarks.md, thirteenth round): a cold server's first 2,000 PATCHes cost 0.71 ms each
// against 0.24 ms later, and V8's compiler threads took 8 % of the core 4–8 s into the run. So
// before it takes requests, the server answers the API's everyday requests itself, through its
// own listener on loopback, against a scratch in-memory database: no caller's data, budget, log
// line or webhook is touched, and the queries it compiles are those the real database runs.

export interface WarmUpOptions {
  /** Rounds of requests: each creates a contact, reads it, patches its metadata, lists and searches. */
  rounds: number;
  /** The warm-up stops after this long, whatever rounds are left (a slow or busy machine). */
  budgetMs: number;
}

export interface WarmUpReport {
  rounds: number;
  requests: number;
  ms: number;
}

/** Answers `rounds` rounds of API requests through `server`, listening on a loopback port it then closes. */
export async function warmUpApi(server: http.Server, { rounds, budgetMs }: WarmUpOptions): Promise<WarmUpReport> {
  const started = performance.now();
  // The scratch database's migrations and the requests would each log a line: not the operator's.
  const ownLevel = log.level;
  log.level = "warn";
  const store = await openMigratedStore({ dialect: "sqlite", file: ":memory:" });
  try {
    const origin = await listenOnLoopback(server);
    const call = caller(origin, await scratchCredentials(store));
    const report = await whileStoreIs(store, () =>
      whileBudgetsSetAside(async () => {
        let done = 0;
        while (done < rounds && performance.now() - started < budgetMs) await oneRound(call, done++);
        return { rounds: done, requests: done * REQUESTS_PER_ROUND };
      }),
    );
    return { ...report, ms: Math.round(performance.now() - started) };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.db.destroy();
    log.level = ownLevel;
  }
}

const REQUESTS_PER_ROUND = 5;

type Call = (method: string, path: string, expectedStatus: number, body?: unknown) => Promise<unknown>;

async function oneRound(call: Call, round: number): Promise<void> {
  const created = (await call("POST", "/v1/contacts", 201, {
    name: `Warm-up Visitor ${round}`,
    email: `warm.up${round}@example.com`,
    phone: `+1555${String(round).padStart(7, "0")}`,
    metadata: { source: "warm-up", round },
  })) as { data: { contact: { id: string } } };
  await call("GET", `/v1/contacts/${created.data.contact.id}`, 200);
  await call("PATCH", `/v1/contacts/${created.data.contact.id}`, 200, { metadata: { leadScore: round % 100, lastContact: "2026-01-01" } });
  await call("GET", "/v1/contacts", 200);
  await call("GET", "/v1/contacts?search=visitor", 200);
}

async function scratchCredentials(store: Store): Promise<{ key: string; chatbotId: string }> {
  const workspace = await createWorkspace(store, "Warm-up");
  const chatbot = await createChatbot(store, workspace.id, "Warm-up");
  const { key } = await createApiKey(store, workspace.id, "Warm-up");
  return { key, chatbotId: chatbot.id };
}

function caller(origin: string, { key, chatbotId }: { key: string; chatbotId: string }): Call {
  return async (method, path, expectedStatus, body) => {
    const response = await fetch(origin + path, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(method === "POST" ? { chatbotId, ...body } : body) : undefined,
    });
    const answer: unknown = await response.json();
    if (response.status !== expectedStatus) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  };
}

async function listenOnLoopback(server: http.Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
