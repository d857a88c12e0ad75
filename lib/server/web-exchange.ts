import type { IncomingMessage, ServerResponse } from "node:http";
import compression from "compression";

// Node's request in, a web Request to the API app; its web Response back out to Node.

const BODYLESS_METHODS = new Set(["GET", "HEAD"]);
const compress = compression();

export function webRequest(req: IncomingMessage): Request {
  const target = req.url ?? "/";
  let url: URL;
  try {
    url = new URL(target, `http://${req.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(target, "http://localhost");
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  if (BODYLESS_METHODS.has(method)) return new Request(url, { method, headers });
  // The IncomingMessage itself is the body, read only if the handler reads it: the API stops
  // reading past 1 MiB, and the socket stays usable for its 413.
  return new Request(url, { method, headers, body: req as unknown as ReadableStream, duplex: "half" } as RequestInit);
}

export async function sendResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[] | number> = {};
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  headers["content-length"] = body.length;
  const write = () => {
    res.writeHead(response.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  };
  // As Next.js does for its own answers: compressed when the client accepts it and the body is over 1 KiB.
  if (req.headers["accept-encoding"]) compress(req as never, res as never, write);
  else write();
}
