import path from "node:path";

type Environment = Record<string, string | undefined>;

// Server-side settings, read once from the environment. Every variable is documented in README.md.
export type DatabaseConfig =
  | { dialect: "sqlite"; file: string }
  | { dialect: "postgres"; url: string; poolSize: number };

const DEFAULT_DATABASE_URL = "file:./data/nexvio.db";

export function databaseConfig(env: Environment = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { dialect: "postgres", url, poolSize: positiveInteger(env.DATABASE_POOL_SIZE, 10, "DATABASE_POOL_SIZE") };
  }
  if (url.startsWith("file:")) {
    return { dialect: "sqlite", file: path.resolve(url.slice("file:".length)) };
  }
  throw new Error(`DATABASE_URL must start with file: or postgres:// (got "${url.split(":")[0]}:…")`);
}

export function rateLimitPerMinute(env: Environment = process.env): number {
  return positiveInteger(env.RATE_LIMIT_PER_MINUTE, 100, "RATE_LIMIT_PER_MINUTE");
}

export function authFailureLimitPerMinute(env: Environment = process.env): number {
  return positiveInteger(env.AUTH_FAILURE_LIMIT_PER_MINUTE, 30, "AUTH_FAILURE_LIMIT_PER_MINUTE");
}

function positiveInteger(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}
