import { sql } from "kysely";
import { getStore } from "./client";

// Readiness: the database answers a trivial query. Bounded, so that a probe against a database
// that hangs (a dropped network path) answers "not ready" instead of hanging with it.

const READINESS_TIMEOUT_MS = 2000;

export type DatabaseHealth = { reachable: true } | { reachable: false; error: unknown };

export async function checkDatabase(timeoutMs = READINESS_TIMEOUT_MS): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const query = getStore().then((store) => sql`select 1`.execute(store.db));
    await Promise.race([query, timedOut]);
    return { reachable: true };
  } catch (error) {
    return { reachable: false, error };
  } finally {
    clearTimeout(timer);
  }
}
