/** Current time as the ISO 8601 UTC text every table stores. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** A timestamp strictly after `previous`, so `updatedAt` moves on every accepted change. */
export function nextTimestamp(previous: string): string {
  const now = Date.now();
  const after = Date.parse(previous) + 1;
  return new Date(Math.max(now, after)).toISOString();
}
