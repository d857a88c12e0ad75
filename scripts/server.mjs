// Serves the production build (dashboard and /v1 API) on one port. A small custom server so that
// the client address comes from the socket (for per-address limits) and SIGTERM drains in-flight requests.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { answerUnroutableApiPath, isUnroutableApiPath } from "./unroutable-api-path.mjs";

const CLIENT_ADDRESS_HEADER = "x-nexvio-client-address";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function startServer({ port = Number(process.env.PORT ?? 3000), hostname = process.env.HOST ?? "0.0.0.0" } = {}) {
  const app = next({ dev: false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    if (isUnroutableApiPath(req.url ?? "/")) return answerUnroutableApiPath(req, res);
    handle(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  const shutdown = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.NODE_ENV ??= "production";
  const server = await startServer();
  const { port } = server.address();
  console.log(`Nexvio Contacts listening on http://localhost:${port}`);
}
