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

/** Where the embedded default keeps its generated AUTH_SECRET. */
export function authSecretFile(env: Environment = process.env): string {
  // The comment stops Next's file tracing from treating the literal path as a bundle input.
  return path.resolve(/*turbopackIgnore: true*/ env.AUTH_SECRET_FILE?.trim() || "./data/auth-secret");
}

/** Sign-in attempts per client address per minute, successful or not. */
export function signInLimitPerMinute(env: Environment = process.env): number {
  return positiveInteger(env.SIGN_IN_LIMIT_PER_MINUTE, 10, "SIGN_IN_LIMIT_PER_MINUTE");
}

/** Dashboard requests per signed-in staff user per minute (browsing pages is chattier than integrations). */
export function sessionRateLimitPerMinute(env: Environment = process.env): number {
  return positiveInteger(env.SESSION_RATE_LIMIT_PER_MINUTE, 600, "SESSION_RATE_LIMIT_PER_MINUTE");
}

/**
 * The dashboard's public URL (BASE_URL), or undefined to take it from each request. Checked when
 * the server starts (instrumentation.ts): a relative or non-web URL would otherwise surface later
 * as every sign-in failing.
 */
export function publicBaseUrl(env: Environment = process.env): URL | undefined {
  const raw = env.BASE_URL?.trim();
  if (!raw) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new Error(`BASE_URL must be an absolute http:// or https:// URL such as https://contacts.example.com (got "${raw}")`);
  }
  return url;
}

/** Whether the dashboard is served over HTTPS, as far as BASE_URL says. */
export function servedOverHttps(env: Environment = process.env): boolean {
  return publicBaseUrl(env)?.protocol === "https:";
}

/** Session cookies carry `Secure` when the public URL is HTTPS, or when forced with SECURE_COOKIES=true. */
export function secureCookies(env: Environment = process.env): boolean {
  if (env.SECURE_COOKIES?.trim()) return env.SECURE_COOKIES.trim() === "true";
  return servedOverHttps(env);
}

function positiveInteger(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}
