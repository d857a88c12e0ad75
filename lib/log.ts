import pino from "pino";
import { chunkedStdout } from "./log-destination";

// Structured JSON logs on stdout. Request bodies and credentials are never passed to the logger.

/**
 * Errors are logged by type, code, message and stack only. Database drivers hang the values of
 * the row they refused on their errors (PostgreSQL's `detail`: "Failing row contains (…)"), and
 * those values are what a client sent; pino's default serializer would log every such field.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    stack: error.stack,
    ...(error.cause === undefined ? {} : { cause: serializeError(error.cause) }),
  };
}

const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info");
const base = { service: "nexvio-contacts" };

// Gathered in chunks (lib/log-destination.ts): one write to stdout per request cost about a sixth
// of a small request's CPU. Lines go out once 4 KiB have gathered, or within 100 ms, and what is
// left when the process exits.
const stdout = chunkedStdout();

export const log = pino(
  {
    level,
    base,
    serializers: { err: serializeError },
    // Should a request, its headers or a body ever reach a log call, the secrets in them do not.
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization", "headers.cookie", "*.password", "password", "body", "*.body"],
      censor: "[redacted]",
    },
  },
  stdout,
);

export interface RequestLine {
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

const INFO = pino.levels.values.info;
const BASE_FIELDS = JSON.stringify(base).slice(1, -1);

/**
 * The one line per answer, as pino writes an `info` line with these fields and the message
 * "request". Its fields are fixed and hold no secret, so the line is written as its JSON text at
 * once: pino's serializer, made for any object, cost about 3 % of a get by id's CPU.
 */
export function logRequest({ requestId, method, path, status, durationMs }: RequestLine): void {
  if (!log.isLevelEnabled("info")) return;
  stdout.write(
    `{"level":${INFO},"time":${Date.now()},${BASE_FIELDS},"requestId":${JSON.stringify(requestId)},"method":${JSON.stringify(method)},` +
      `"path":${JSON.stringify(path)},"status":${status},"durationMs":${durationMs},"msg":"request"}\n`,
  );
}
