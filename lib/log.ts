import pino from "pino";

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

// Buffered and written in the background: one write to stdout per request cost about a sixth of
// a small request's CPU. Lines go out once 4 KiB have gathered, or within 100 ms; pino flushes
// what is left when the process exits. (Not more: sonic-boom measures its buffer, a growing string,
// for every line, which copies it whole each time.)
const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 100 });

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

/**
 * The one line per answer, to the same stdout: its fields are fixed (request id, method, path,
 * status, duration) and hold no secret, so it skips the redaction that cost a tenth of a line.
 */
export const requestLog = pino({ level, base }, stdout);
