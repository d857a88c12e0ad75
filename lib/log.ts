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

export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { service: "nexvio-contacts" },
    serializers: { err: serializeError },
    // Should a request, its headers or a body ever reach a log call, the secrets in them do not.
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization", "headers.cookie", "*.password", "password", "body", "*.body"],
      censor: "[redacted]",
    },
  },
  // Buffered and written in the background: one write to stdout per request cost about a sixth of
  // a small request's CPU. Lines go out once 4 KiB have gathered, or within 100 ms; pino flushes
  // what is left when the process exits.
  pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 100 }));
