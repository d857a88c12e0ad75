import http from "node:http";
import zlib from "node:zlib";
import { documentedAnswers, expectDocumented, jsonOrUndefined, type AnswerCheck } from "./documented-answers";

// HTTP with nothing in between: the path goes out exactly as given (fetch would resolve `../`
// and re-encode it), the body as the exact bytes given, and the headers exactly as given. Every /v1
// answer is checked against the server's OpenAPI document, as `call` does.

/** The body as text, undoing the compression a request's Accept-Encoding asked for. */
export function decodeBody(body: Buffer, contentEncoding: string | undefined): string {
  switch (contentEncoding) {
    case "gzip":
      return zlib.gunzipSync(body).toString("utf8");
    case "deflate":
      return zlib.inflateSync(body).toString("utf8");
    case "br":
      return zlib.brotliDecompressSync(body).toString("utf8");
    default:
      return body.toString("utf8");
  }
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Milliseconds from sending the request to the end of the response. */
  elapsedMs: number;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

export async function rawRequest(baseUrl: string, request: RawRequest): Promise<RawResponse> {
  const problemsOf = request.path.startsWith("/v1") ? await documentedAnswers(baseUrl) : undefined;
  const response = await send(baseUrl, request);
  if (problemsOf) expectRawAnswerDocumented(problemsOf, request, response);
  return response;
}

export function expectRawAnswerDocumented(problemsOf: AnswerCheck, request: Pick<RawRequest, "method" | "path">, response: RawResponse) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const item of [value ?? []].flat()) headers.append(name, item);
  }
  expectDocumented(problemsOf, { method: request.method, path: request.path, status: response.status, headers, body: jsonOrUndefined(response.text) });
}

function send(baseUrl: string, request: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { agent, hostname, port, method: request.method, path: request.path, headers: request.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: decodeBody(Buffer.concat(chunks), response.headers["content-encoding"]),
            elapsedMs: performance.now() - started,
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}
