import http from "node:http";
import https from "node:https";
import { assertDeliverable, guardedLookup, RefusedDestinationError } from "./destination";
import { ATTEMPT_ERROR_MAX_LENGTH } from "./schemas";

// One HTTP attempt at a delivery: POST the body with its headers, take the status, drop the
// answer's body. No redirects are followed (a 3xx is a failed attempt): a redirect could point
// anywhere, a private address included.

/** An answer must come, whole, within this. */
export const ATTEMPT_TIMEOUT_MS = 15_000;
/** Enough of an error answer to say what went wrong in the attempt log. */
const ERROR_TEXT_MAX = 200;

export interface AttemptResult {
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

export function sendAttempt(rawUrl: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<AttemptResult> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): AttemptResult => ({
    statusCode,
    latencyMs: Math.round(performance.now() - started),
    error: error && error.slice(0, ATTEMPT_ERROR_MAX_LENGTH),
  });
  let url: URL;
  try {
    url = new URL(rawUrl);
    assertDeliverable(url);
  } catch (error) {
    return Promise.resolve(done(null, describe(error)));
  }
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((settle) => {
    const request = transport.request(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)), "user-agent": "Nexvio-Webhooks/1.0" },
      lookup: guardedLookup,
      signal,
      timeout: ATTEMPT_TIMEOUT_MS,
    });
    const giveUp = () => request.destroy(new Error(`No answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`));
    // `timeout` above is for an idle socket; this bounds the whole attempt.
    const timer = setTimeout(giveUp, ATTEMPT_TIMEOUT_MS);
    let settled = false;
    const resolve = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      settle(result);
    };
    request.on("timeout", giveUp);
    request.on("error", (error) => resolve(done(null, describe(error))));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        if (text.length < ERROR_TEXT_MAX) text += chunk;
      });
      response.on("error", (error) => resolve(done(status, describe(error))));
      response.on("close", () => resolve(done(status, "The answer was cut off")));
      response.on("end", () => {
        const ok = status >= 200 && status < 300;
        resolve(done(status, ok ? null : `HTTP ${status}${text ? `: ${text.slice(0, ERROR_TEXT_MAX)}` : ""}`));
      });
    });
    request.end(body);
  });
}

function describe(error: unknown): string {
  if (error instanceof RefusedDestinationError) return error.message;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
