import type { Store } from "../db/client";
import type { IdempotencyKeysTable } from "../db/schema";
import { literalLimit } from "../db/literal-limit";

// SQL for kept `Idempotency-Key` answers, nothing else. A row is held by one request at a time: its
// `reservation`, compared on every change, so a request that lost the row can no longer touch it.

/** Whose key it is: keys of different callers never meet. */
export interface KeyHolder {
  workspaceId: string;
  caller: string;
}

/** What a request is, to tell a retry from another request under the same key. */
export interface KeyedRequest {
  key: string;
  method: string;
  path: string;
  fingerprint: string;
}

export interface KeptAnswer {
  status: number;
  body: string;
  /** JSON object text of the headers kept with the answer. */
  headers: string;
}

export type KeyRow = Pick<
  IdempotencyKeysTable,
  "method" | "path" | "fingerprint" | "reservation" | "status" | "response_body" | "response_headers" | "created_at" | "expires_at"
>;

const byKey = (holder: KeyHolder, key: string) => ({ workspace_id: holder.workspaceId, caller: holder.caller, idempotency_key: key });
/** The key's row while `reservation` holds it. */
const heldBy = (holder: KeyHolder, key: string, reservation: string) => ({ ...byKey(holder, key), reservation });

function reservedColumns(request: KeyedRequest, reservation: string, now: Date, ttlMs: number) {
  return {
    method: request.method,
    path: request.path,
    fingerprint: request.fingerprint,
    reservation,
    status: null,
    response_body: null,
    response_headers: null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ttlMs).toISOString(),
  };
}

/** Takes a key nobody holds, atomically: false when a row for it exists already. */
export async function insertReservation(store: Store, holder: KeyHolder, request: KeyedRequest, reservation: string, now: Date, ttlMs: number): Promise<boolean> {
  const inserted = await store.db
    .insertInto("idempotency_keys")
    .values({ ...byKey(holder, request.key), ...reservedColumns(request, reservation, now, ttlMs) })
    .onConflict((conflict) => conflict.columns(["workspace_id", "caller", "idempotency_key"]).doNothing())
    .returning("reservation")
    .execute();
  return inserted.length === 1;
}

/** Takes over a row held by `previous` (expired, or left in flight by a request that died): false when another request took it first. */
export async function takeOverReservation(
  store: Store,
  holder: KeyHolder,
  request: KeyedRequest,
  previous: string,
  reservation: string,
  now: Date,
  ttlMs: number,
): Promise<boolean> {
  const result = await store.db
    .updateTable("idempotency_keys")
    .set(reservedColumns(request, reservation, now, ttlMs))
    .where((eb) => eb.and(heldBy(holder, request.key, previous)))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function findKeyRow(store: Store, holder: KeyHolder, key: string): Promise<KeyRow | undefined> {
  return store.db
    .selectFrom("idempotency_keys")
    .select(["method", "path", "fingerprint", "reservation", "status", "response_body", "response_headers", "created_at", "expires_at"])
    .where((eb) => eb.and(byKey(holder, key)))
    .executeTakeFirst();
}

/** Keeps the answer of the request holding `reservation`. */
export async function keepAnswer(store: Store, holder: KeyHolder, key: string, reservation: string, answer: KeptAnswer): Promise<void> {
  await store.db
    .updateTable("idempotency_keys")
    .set({ status: answer.status, response_body: answer.body, response_headers: answer.headers })
    .where((eb) => eb.and(heldBy(holder, key, reservation)))
    .execute();
}

/** Frees the key of the request holding `reservation`, so that a retry runs afresh. */
export async function releaseReservation(store: Store, holder: KeyHolder, key: string, reservation: string): Promise<void> {
  await store.db
    .deleteFrom("idempotency_keys")
    .where((eb) => eb.and(heldBy(holder, key, reservation)))
    .execute();
}

/** Deletes up to `limit` of a workspace's expired rows; how many it deleted. */
export async function deleteExpiredKeys(store: Store, workspaceId: string, now: Date, limit: number): Promise<number> {
  const expired = store.db
    .selectFrom("idempotency_keys")
    .select(["caller", "idempotency_key"])
    .where("workspace_id", "=", workspaceId)
    .where("expires_at", "<=", now.toISOString())
    .limit(literalLimit(limit));
  const result = await store.db
    .deleteFrom("idempotency_keys")
    .where("workspace_id", "=", workspaceId)
    .where((eb) => eb(eb.refTuple("caller", "idempotency_key"), "in", expired.$asTuple("caller", "idempotency_key")))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
