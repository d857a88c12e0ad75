// Serves the production build (dashboard and /v1 API) on one port. A small custom server so that
// the client address comes from the socket (for per-address limits) and SIGTERM drains in-flight requests.
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { answerApiError } from "./api-error-response.mjs";
import { findDirectHandler, loadDirectApiRoutes, serveDirect } from "./direct-api-routes.mjs";
import { answerUnroutableApiPath, isUnroutableApiPath } from "./unroutable-api-path.mjs";

const CLIENT_ADDRESS_HEADER = "x-nexvio-client-address";
/** How long in-flight requests get after SIGTERM before the process gives up on them. */
const DRAIN_TIMEOUT_MS = 10_000;
/** After SIGTERM, how long connections already waiting in the kernel's accept queue may still be taken. */
const ACCEPT_QUEUE_GRACE_MS = 1_000;
/** While draining, how often kept-alive connections with no request in flight are closed. */
const IDLE_SWEEP_MS = 250;
/** How long releasing the database and rate-limit stores may take once the last request is answered. */
const RELEASE_TIMEOUT_MS = 2_000;
// Filled by the app (lib/shutdown.ts) with what it opened: database handles, rate-limit stores.
const SHUTDOWN_HOOKS = Symbol.for("nexvio.shutdownHooks");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function startServer({ port = Number(process.env.PORT ?? 3000), hostname = process.env.HOST ?? "0.0.0.0" } = {}) {
  const app = next({ dev: false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const apiRoutes = await loadDirectApiRoutes(path.join(root, ".next"));
  let draining = false;
  const unanswered = new Set();
  const server = http.createServer((req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    // While draining, a request on a kept-alive connection is still served; the connection closes after it.
    if (draining) res.setHeader("connection", "close");
    unanswered.add(res);
    res.once("close", () => unanswered.delete(res));
    const target = req.url ?? "/";
    if (isUnroutableApiPath(target)) return answerUnroutableApiPath(req, res);
    const direct = target.startsWith("/v1/") ? findDirectHandler(apiRoutes, req.method, target) : undefined;
    if (!direct) return handle(req, res);
    serveDirect(req, res, direct, (error) => {
      console.error("API request failed outside its route handler:", error);
      answerApiError(req, res, { status: 500, code: "internal_error", message: "Something went wrong on our side" });
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  // SIGTERM: stop accepting connections (once those already queued are taken), answer every request
  // received, then release the database and exit. Answers from now on carry `Connection: close`.
  const shutdown = (signal) => {
    if (draining) return;
    draining = true;
    console.log(`${signal}: no new connections; answering the requests in flight`);
    setTimeout(() => {
      console.error(`requests still in flight after ${DRAIN_TIMEOUT_MS} ms: exiting without them`);
      process.exit(1);
    }, DRAIN_TIMEOUT_MS).unref();
    for (const res of unanswered) if (!res.headersSent) res.setHeader("connection", "close");
    stopListeningOnceQueueEmpty(server, Date.now() + ACCEPT_QUEUE_GRACE_MS, async () => {
      await releaseResources();
      console.log("Nexvio Contacts stopped: every request answered, database closed");
      process.exit(0);
    });
  };
  // Once each: a second Ctrl-C (or SIGTERM) stops at once.
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return server;
}

/**
 * Closing the listener resets the connections still waiting in the kernel's accept queue: clients
 * that already sent a request. A busy event loop takes them only when it polls, so the listener
 * stays open until one full turn of the loop has accepted nothing (each turn polls once), or
 * until `deadline`. Not http.Server#close: it also drops every idle connection at once, including
 * one accepted a moment ago whose request is not read yet; the plain net close only stops
 * listening, and idle connections are swept every IDLE_SWEEP_MS.
 */
function stopListeningOnceQueueEmpty(server, deadline, onAllClosed) {
  let accepted = 0;
  const count = () => accepted++;
  server.on("connection", count);
  const look = () => {
    if (accepted > 0 && Date.now() < deadline) {
      accepted = 0;
      setImmediate(look);
      return;
    }
    server.off("connection", count);
    net.Server.prototype.close.call(server, onAllClosed);
    setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS).unref();
  };
  // The first look comes after the turn that handled the signal, the next after one more poll.
  accepted = 1;
  setImmediate(look);
}

async function releaseResources() {
  const hooks = globalThis[SHUTDOWN_HOOKS] ?? [];
  const outcome = await Promise.race([
    Promise.allSettled(hooks.map(async (hook) => hook())),
    new Promise((resolve) => setTimeout(resolve, RELEASE_TIMEOUT_MS, "timed out").unref()),
  ]);
  if (outcome === "timed out") console.error(`releasing the database took over ${RELEASE_TIMEOUT_MS} ms`);
  else for (const result of outcome) if (result.status === "rejected") console.error("could not release a resource:", result.reason);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.NODE_ENV ??= "production";
  const server = await startServer();
  const { port } = server.address();
  console.log(`Nexvio Contacts listening on http://localhost:${port}`);
}
