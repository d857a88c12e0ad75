import http from "node:http";
import net from "node:net";
import next from "next";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import { getStore } from "../db/client";
import { onShutdown, releaseResources } from "../shutdown";
import { exitCannotStart } from "../startup/exit-cannot-start";
import { startWebhookWorker } from "../webhooks/worker";
import { answerApiError } from "./api-error-response";
import { answerApiRequest } from "./api-listener";
import { answerMalformedRequest } from "./malformed-request";
import { isApiPath, isUnroutableApiPath } from "./unroutable-path";

// The production server: dashboard and /v1 API on one port. /v1 goes straight to the API app (the
// same app Next.js mounts under `next dev`, without Next's request pipeline, which cost about 2 ms
// of CPU per request); pages, /api/* and files go to Next.js. The client address comes from the
// socket (for per-address limits), and SIGTERM drains in-flight requests.

/** How long in-flight requests get after SIGTERM before the process gives up on them. */
const DRAIN_TIMEOUT_MS = 10_000;
/** After SIGTERM, how long connections already waiting in the kernel's accept queue may still be taken. */
const ACCEPT_QUEUE_GRACE_MS = 1_000;
/** While draining, how often kept-alive connections with no request in flight are closed. */
const IDLE_SWEEP_MS = 250;

export interface ServerOptions {
  dir: string;
  port?: number;
  hostname?: string;
}

export async function startServer({ dir, port = Number(process.env.PORT ?? 3000), hostname = process.env.HOST ?? "0.0.0.0" }: ServerOptions) {
  const pages = next({ dev: false, dir, hostname, port });
  await pages.prepare();
  const handlePage = pages.getRequestHandler();
  let draining = false;
  const unanswered = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    // While draining, a request on a kept-alive connection is still served; the connection closes after it.
    if (draining) res.setHeader("connection", "close");
    unanswered.add(res);
    res.once("close", () => unanswered.delete(res));
    const target = req.url ?? "/";
    if (isUnroutableApiPath(target)) return answerApiError(req, res, "not_found", "No such endpoint: the path is not a valid API path");
    if (!isApiPath(target)) return void handlePage(req, res);
    answerApiRequest(req, res);
  });
  server.on("clientError", answerMalformedRequest);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  // Webhook deliveries are sent from the server process itself: no other service to run.
  const webhooks = startWebhookWorker(getStore);
  onShutdown(() => webhooks.stop());

  // SIGTERM: stop accepting connections (once those already queued are taken), answer every request
  // received, then release the database and exit. Answers from now on carry `Connection: close`.
  const shutdown = (signal: string) => {
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
 * startServer for a command: a failure to start (a port in use, an address it cannot listen on) is
 * said in one line and the process exits non-zero. Left to itself, the error reaches Next.js's
 * uncaughtException handler, which logs it, and the process then ends with 0.
 */
export async function startServerOrExit(options: ServerOptions): Promise<http.Server> {
  try {
    return await startServer(options);
  } catch (error) {
    exitCannotStart(error);
  }
}

/**
 * Closing the listener resets the connections still waiting in the kernel's accept queue: clients
 * that already sent a request. A busy event loop takes them only when it polls, so the listener
 * stays open until one full turn of the loop has accepted nothing (each turn polls once), or
 * until `deadline`. Not http.Server#close: it also drops every idle connection at once, including
 * one accepted a moment ago whose request is not read yet; the plain net close only stops
 * listening, and idle connections are swept every IDLE_SWEEP_MS.
 */
function stopListeningOnceQueueEmpty(server: http.Server, deadline: number, onAllClosed: () => void) {
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
