// The operator's webhook settings (documented in README.md), read from the environment.

type Environment = Record<string, string | undefined>;

/** About 24 hours in all: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
const DEFAULT_RETRY_SCHEDULE = [5, 300, 1800, 7200, 18000, 36000, 36000];

/** The delays (seconds) before each retry; after the last one a delivery is failed. */
export function webhookRetrySchedule(env: Environment = process.env): number[] {
  const raw = env.WEBHOOK_RETRY_SCHEDULE?.trim();
  if (!raw) return DEFAULT_RETRY_SCHEDULE;
  const delays = raw.split(",").map((part) => Number(part.trim()));
  if (delays.some((delay) => !Number.isFinite(delay) || delay < 0)) {
    throw new Error(`WEBHOOK_RETRY_SCHEDULE must be seconds separated by commas, such as 5,300,1800 (got "${raw}")`);
  }
  return delays;
}

/** Whether endpoints may be on loopback, private, link-local and other non-public addresses. */
export function privateDestinationsAllowed(env: Environment = process.env): boolean {
  return env.WEBHOOK_ALLOW_PRIVATE_DESTINATIONS?.trim() === "true";
}
