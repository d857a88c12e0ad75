// Serves /v1 by calling the route handlers of the build (app/v1/**/route.ts, as compiled by
// `next build`) straight from the HTTP server. Measured under `npm run bench`, Next.js's request
// pipeline (routing, its Request/Response adapters, tracing, async-storage set-up) cost about
// 2 ms of CPU per API request, several times what the handler itself costs. The handlers run
// unchanged: the same Request in, the same Response out. Whatever this table does not hold (the
// catch-all of unknown /v1 paths, OPTIONS) still goes through Next.js.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import compression from "compression";

const require = createRequire(import.meta.url);
const BODYLESS_METHODS = new Set(["GET", "HEAD"]);
const compress = compression();

/**
 * The /v1 routes of the build, read from Next.js's app-paths manifest: each with its path
 * segments (a string, or `{ param }` for a dynamic one) and its exported method handlers.
 */
export async function loadDirectApiRoutes(distDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "app-paths-manifest.json"), "utf8"));
  const routes = [];
  for (const [page, file] of Object.entries(manifest)) {
    if (!page.startsWith("/v1/") || !page.endsWith("/route")) continue;
    const segments = page.slice(1, -"/route".length).split("/");
    if (segments.some((segment) => segment.startsWith("[["))) continue;
    const { routeModule } = require(path.join(distDir, "server", file));
    if (typeof routeModule?.ensureUserland !== "function") {
      throw new Error(`${file} is not a Next.js app route module this server knows how to call`);
    }
    await routeModule.ensureUserland();
    routes.push({
      segments: segments.map((segment) => (segment.startsWith("[") ? { param: segment.slice(1, -1) } : segment)),
      handlers: routeModule.userland,
    });
  }
  if (routes.length === 0) throw new Error(`no /v1 routes in ${distDir}: run \`npm run build\``);
  return routes;
}

/** The handler and params for a /v1 request, or undefined when Next.js should answer it. */
export function findDirectHandler(routes, method, requestTarget) {
  const parts = requestTarget.split("?", 1)[0].split("/").slice(1).map(decodeURIComponent);
  if (parts.length > 1 && parts.at(-1) === "") parts.pop();
  for (const { segments, handlers } of routes) {
    if (segments.length !== parts.length) continue;
    const params = {};
    const matches = segments.every((segment, index) => {
      if (typeof segment === "string") return segment === parts[index];
      params[segment.param] = parts[index];
      return parts[index] !== "";
    });
    if (!matches) continue;
    const handler = handlers[method] ?? (method === "HEAD" ? handlers.GET : undefined);
    return typeof handler === "function" ? { handler, params } : undefined;
  }
  return undefined;
}

function webRequest(req) {
  let url;
  try {
    url = new URL(req.url, `http://${req.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(req.url, "http://localhost");
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  if (BODYLESS_METHODS.has(req.method)) return new Request(url, { method: req.method, headers });
  // The IncomingMessage itself as the body, as Next.js passes it: read only if the handler reads it.
  return new Request(url, { method: req.method, headers, body: req, duplex: "half" });
}

async function send(req, res, response) {
  const body = Buffer.from(await response.arrayBuffer());
  const headers = {};
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  headers["content-length"] = body.length;
  const write = () => {
    res.writeHead(response.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  };
  // As Next.js did for these routes: compressed when the client accepts it and the body is over 1 KiB.
  if (req.headers["accept-encoding"]) compress(req, res, write);
  else write();
}

/** Runs a matched handler and writes its Response; `onFailure` answers if that itself fails. */
export async function serveDirect(req, res, { handler, params }, onFailure) {
  try {
    const response = await handler(webRequest(req), { params: Promise.resolve(params) });
    await send(req, res, response);
  } catch (error) {
    onFailure(error);
  }
}
