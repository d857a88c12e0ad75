import pino from "pino";

// Structured JSON logs on stdout. Request bodies and credentials are never passed to the logger.
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "nexvio-contacts" },
  redact: ["req.headers.authorization", "req.headers.cookie"],
});
