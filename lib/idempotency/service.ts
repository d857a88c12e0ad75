import { createHash, randomUUID } from "node:crypto";
import type { ApiPrincipal } from "../api/auth";
import { ApiError, validationError } from "../api/errors";
import { readBodyBytes } from "../api/read-json-body";
import { jsonResponse } from "../api/respond";
import type { Store } from "../db/client";
import { log } from "../log";
import {
  deleteExpiredKeys,
  findKeyRow,
  insertReservation,
  keepAnswer,
  releaseReservation,
  takeOverReservation,
  type KeyedRequest,
  type KeyHolder,
  type KeyRow,
} from "./repository";
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_MESSAGE, idempotencyKeySchema } from "./schemas";

// `Idempotency-Key` (CONTRACT.md, "Idempotent retries"): a write's first answer is kept, and a
// retry of the same request gets it again instead of running again.
//
// The key is reserved by inserting its row before the request runs (insert … on conflict do
// nothing), so of any number of concurrent requests with one key exactly one runs; the others find
// the row and answer 409 while it has no answer, the kept answer once it has one. Keeping the
// answer is a statement of its own after the handler's transaction: should it fail, or the process
// die while the request runs, the row stays in flight, and after IN_FLIGHT_TIMEOUT_MS a retry takes
// it over and runs afresh (no request of this API runs anywhere near that long).
//
// Expired rows are purged by the requests themselves, with no job to schedule: every PURGE_EVERY-th
// reservation of a process (and its first) deletes up to PURGE_BATCH expired rows of the caller's
// workspace, after answering. A workspace is picked in proportion to its share of keyed writes, so
// each workspace's expired rows are cleared about as fast as it makes new ones; an expired row is
// also reused in place when its key comes back.

const TTL_MS = 24 * 60 * 60 * 1000;
const IN_FLIGHT_TIMEOUT_MS = 60_000;
const PURGE_EVERY = 100;
const PURGE_BATCH = 500;
const WRITE_METHODS = new Set(["POST", "PATCH", "DELETE"]);
/** An answer's headers that a replay must carry too. */
const KEPT_HEADERS = ["ETag", "Location"];
/** How often a request tries to reserve a key that keeps being released or taken over under it. */
const RESERVE_ATTEMPTS = 3;

/** The request's `Idempotency-Key`: null when it has none or is not a write; 400 when malformed. */
export function idempotencyKeyOf(request: Request): string | null {
  if (!WRITE_METHODS.has(request.method)) return null;
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return null;
  if (!idempotencyKeySchema.safeParse(key).success) throw validationError({ [IDEMPOTENCY_KEY_HEADER]: IDEMPOTENCY_KEY_MESSAGE });
  return key;
}

export interface BodyAhead {
  /** What tells this body from another (a refused body: the refusal). */
  fingerprint: string;
  /** The bytes for the route to parse, or the refusal (413, 415) where parsing would have met it. */
  bytes: () => Promise<Uint8Array>;
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/** The body read before the request runs, since a retry is told by it; `hasBody` false for routes that read none. */
export async function readBodyAhead(request: Request, hasBody: boolean): Promise<BodyAhead> {
  if (!hasBody) return { fingerprint: sha256(""), bytes: async () => new Uint8Array() };
  try {
    const bytes = await readBodyBytes(request);
    return { fingerprint: sha256(bytes), bytes: async () => bytes };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { fingerprint: `refused:${error.code}`, bytes: () => Promise.reject(error) };
  }
}

function holderOf(principal: ApiPrincipal): KeyHolder {
  const caller = principal.kind === "api_key" ? `key:${principal.keyId}` : `staff:${principal.userId}`;
  return { workspaceId: principal.workspaceId, caller };
}

const isSameRequest = (row: KeyRow, request: KeyedRequest) =>
  row.method === request.method && row.path === request.path && row.fingerprint === request.fingerprint;

const inUse = () =>
  new ApiError("idempotency_key_in_use", "A request with this Idempotency-Key is still running; retry shortly", undefined, { "Retry-After": "1" });

const reused = () =>
  new ApiError("idempotency_key_reused", "This Idempotency-Key was used for another request (method, path or body); use a new key");

/** Reserves the key for this request (undefined), or finds the answer kept for it; 409 or 422 otherwise. */
async function reserve(store: Store, holder: KeyHolder, request: KeyedRequest, reservation: string): Promise<KeyRow | undefined> {
  for (let attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
    const now = new Date();
    if (await insertReservation(store, holder, request, reservation, now, TTL_MS)) return undefined;
    const row = await findKeyRow(store, holder, request.key);
    if (!row) continue;
    const expired = row.expires_at <= now.toISOString();
    if (!expired) {
      if (!isSameRequest(row, request)) throw reused();
      if (row.status !== null) return row;
      if (Date.parse(row.created_at) > now.getTime() - IN_FLIGHT_TIMEOUT_MS) throw inUse();
    }
    if (await takeOverReservation(store, holder, request, row.reservation, reservation, now, TTL_MS)) return undefined;
  }
  throw inUse();
}

/** 5xx, 401 and 429 are not kept: the retry runs afresh. */
const isKept = (status: number) => status < 500 && status !== 401 && status !== 429;

function keptHeaders(response: Response): string {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return JSON.stringify(kept);
}

async function settle(store: Store, holder: KeyHolder, key: string, reservation: string, response: Response, body: string): Promise<void> {
  try {
    if (isKept(response.status)) await keepAnswer(store, holder, key, reservation, { status: response.status, body, headers: keptHeaders(response) });
    else await releaseReservation(store, holder, key, reservation);
  } catch (error) {
    // The client still gets its answer; the key stays in flight until IN_FLIGHT_TIMEOUT_MS.
    log.error({ err: error }, "could not record the answer of an Idempotency-Key");
  }
}

let reservations = 0;

function purgeNowAndThen(store: Store, workspaceId: string): void {
  if (reservations++ % PURGE_EVERY !== 0) return;
  deleteExpiredKeys(store, workspaceId, new Date(), PURGE_BATCH).catch((error: unknown) =>
    log.warn({ err: error }, "could not purge expired Idempotency-Key answers"),
  );
}

/**
 * Runs `run` once per key: the first request with a key runs it and its answer is kept; a retry
 * gets the kept answer with `Idempotent-Replayed: true`. `headers` are this answer's own (request
 * id, rate limit); `run` answers errors itself rather than throwing.
 */
export async function answerOnce(
  store: Store,
  principal: ApiPrincipal,
  request: KeyedRequest,
  headers: Record<string, string>,
  run: () => Promise<Response>,
): Promise<Response> {
  const holder = holderOf(principal);
  const reservation = randomUUID();
  const kept = await reserve(store, holder, request, reservation);
  if (kept) {
    const replayHeaders = { ...headers, ...(JSON.parse(kept.response_headers ?? "{}") as Record<string, string>), "Idempotent-Replayed": "true" };
    return jsonResponse(kept.response_body ?? "", kept.status ?? 500, replayHeaders);
  }
  let response: Response;
  let body: string;
  try {
    response = await run();
    body = await response.text();
  } catch (error) {
    await releaseReservation(store, holder, request.key, reservation).catch((releaseError: unknown) =>
      log.error({ err: releaseError }, "could not release an Idempotency-Key after its request failed"),
    );
    throw error;
  }
  await settle(store, holder, request.key, reservation, response, body);
  purgeNowAndThen(store, holder.workspaceId);
  return new Response(body, { status: response.status, headers: response.headers });
}
