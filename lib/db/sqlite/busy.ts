/** The error SQLite raises when another connection holds the lock a statement needs (after busy_timeout, or at once where SQLite cannot wait). */
export function isSqliteBusy(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "SQLITE_BUSY";
}
