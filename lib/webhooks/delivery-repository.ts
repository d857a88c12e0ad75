import { sql } from "kysely";
import type { Db, Store } from "../db/client";
import { preparedQueryByShape } from "../db/prepared-query";
import type { WebhookAttemptRow, WebhookDeliveryRow } from "../db/schema";
import { literalLimit } from "../db/literal-limit";

// SQL for webhook deliveries and their attempts, and nothing else.

const text = (value: unknown) => sql<string>`cast(${value} as text)`;

type EventFields = {
  workspaceId: string;
  /** The random part both ids of each delivery share, followed by the endpoint's own. */
  eventKey: string;
  eventType: string;
  payload: string;
  now: string;
};
type EventValues = EventFields & Record<string, unknown>;

/**
 * Matches the event type in an endpoint's JSON list of events (`%"contact.created"%`), written into
 * the SQL: SQLite compiles a statement whose LIKE pattern is a parameter again on every run. The
 * queries using it are compiled once per event type (a handful).
 */
const eventTypeIn = (eventType: string) => sql.lit(`%${JSON.stringify(eventType)}%`);

/** The enabled endpoints of a workspace that subscribe to the event, to select from (in a prepared query: compiled once per event type). */
export function endpointsSubscribedTo(db: Db, workspaceId: string, eventType: string) {
  return db.selectFrom("webhook_endpoints").where("workspace_id", "=", workspaceId).where("enabled", "=", 1).where("events", "like", eventTypeIn(eventType));
}

// The outbox, in one statement: a delivery row per enabled endpoint subscribed to the event.
// `substr(id, 6)` is the random part of `whep_…`, so each delivery's ids are unique per endpoint.
const enqueueEventDeliveries = preparedQueryByShape<string, EventValues, never>((db, value, _dialect, eventType) =>
  db
    .insertInto("webhook_deliveries")
    .columns(["id", "workspace_id", "endpoint_id", "webhook_id", "event_type", "payload", "status", "attempts", "failures", "next_attempt_at", "created_at"])
    .expression(
      endpointsSubscribedTo(db, value("workspaceId"), eventType).select([
        sql<string>`'whdl_' || ${text(value("eventKey"))} || substr(id, 6)`.as("id"),
        "workspace_id",
        "id as endpoint_id",
        sql<string>`'msg_' || ${text(value("eventKey"))} || substr(id, 6)`.as("webhook_id"),
        text(value("eventType")).as("event_type"),
        text(value("payload")).as("payload"),
        sql<string>`'pending'`.as("status"),
        sql<number>`0`.as("attempts"),
        sql<number>`0`.as("failures"),
        text(value("now")).as("next_attempt_at"),
        text(value("now")).as("created_at"),
      ]),
    ),
);

const subscribedEndpoint = preparedQueryByShape<string, { workspaceId: string }, { id: string }>((db, value, _dialect, eventType) =>
  endpointsSubscribedTo(db, value("workspaceId"), eventType).select("id").limit(literalLimit(1)),
);

/** Whether any enabled endpoint of the workspace subscribes to the event: most workspaces have none, and then no event need be built. */
export async function hasSubscribedEndpoint(store: Store, workspaceId: string, eventType: string): Promise<boolean> {
  return (await subscribedEndpoint(store, eventType, eventType, { workspaceId })).length > 0;
}

/** Queues an event for every enabled endpoint of the workspace that subscribes to it. Run it in the change's transaction. */
export async function enqueueEvent(store: Store, values: EventFields): Promise<void> {
  await enqueueEventDeliveries(store, values.eventType, values.eventType, values);
}

export async function insertDelivery(store: Store, row: Omit<WebhookDeliveryRow, "claim_id" | "last_attempt_at" | "last_status_code" | "last_latency_ms" | "last_error">): Promise<void> {
  await store.db.insertInto("webhook_deliveries").values(row).execute();
}

export async function listDeliveries(
  store: Store,
  workspaceId: string,
  endpointId: string,
  page: { limit: number; offset: number },
): Promise<WebhookDeliveryRow[]> {
  return store.db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("endpoint_id", "=", endpointId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(literalLimit(page.limit))
    .offset(page.offset)
    .execute();
}

export async function countDeliveries(store: Store, workspaceId: string, endpointId: string): Promise<number> {
  const row = await store.db
    .selectFrom("webhook_deliveries")
    .select((eb) => eb.fn.countAll<number | string | bigint>().as("total"))
    .where("workspace_id", "=", workspaceId)
    .where("endpoint_id", "=", endpointId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function findDelivery(store: Store, workspaceId: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryRow | undefined> {
  return store.db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("endpoint_id", "=", endpointId)
    .where("id", "=", deliveryId)
    .executeTakeFirst();
}

/** The latest `limit` attempts at a delivery, oldest first. */
export async function listAttempts(store: Store, deliveryId: string, limit: number): Promise<WebhookAttemptRow[]> {
  const latest = await store.db.selectFrom("webhook_attempts").selectAll().where("delivery_id", "=", deliveryId).orderBy("number", "desc").limit(literalLimit(limit)).execute();
  return latest.reverse();
}

/** Queues a delivery again, due now, with the retry schedule from its start; the delivery as queued. */
export async function requeueDelivery(store: Store, workspaceId: string, endpointId: string, deliveryId: string, now: string): Promise<WebhookDeliveryRow | undefined> {
  return store.db
    .updateTable("webhook_deliveries")
    .set({ status: "pending", failures: 0, next_attempt_at: now, claim_id: null })
    .where("workspace_id", "=", workspaceId)
    .where("endpoint_id", "=", endpointId)
    .where("id", "=", deliveryId)
    .returningAll()
    .executeTakeFirst();
}

/** A claimed delivery with what sending it needs. */
export type ClaimedDelivery = Pick<WebhookDeliveryRow, "id" | "workspace_id" | "endpoint_id" | "webhook_id" | "payload" | "failures">;

/**
 * Leases up to `limit` due deliveries to one worker until `leaseEnd`: their next attempt moves to
 * then, so no other worker takes them meanwhile, and if this one dies they are due again after it.
 * Deliveries to a disabled endpoint wait until it is enabled again. Looks first with a plain read,
 * so that an idle poll writes nothing (on SQLite, an UPDATE takes the write lock even when it
 * changes no row); on PostgreSQL, workers skip each other's locked rows instead of waiting.
 */
export async function claimDueDeliveries(store: Store, options: { now: string; leaseEnd: string; claimId: string; limit: number }): Promise<ClaimedDelivery[]> {
  const due = (db: Store["db"]) =>
    db
      .selectFrom("webhook_deliveries as d")
      .select("d.id")
      .where("d.status", "=", "pending")
      .where("d.next_attempt_at", "<=", options.now)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("webhook_endpoints as e")
            .select("e.id")
            .whereRef("e.workspace_id", "=", "d.workspace_id")
            .whereRef("e.id", "=", "d.endpoint_id")
            .where("e.enabled", "=", 1),
        ),
      )
      .orderBy("d.next_attempt_at")
      .limit(literalLimit(options.limit));
  if ((await due(store.db).execute()).length === 0) return [];
  // A CTE that locks rows runs once; as a plain subquery PostgreSQL may run it again and claim more than `limit`.
  return store.db
    .with("due", (db) => store.dialect.skipLocked(due(db as Store["db"])))
    .updateTable("webhook_deliveries")
    .set({ next_attempt_at: options.leaseEnd, claim_id: options.claimId })
    .where("id", "in", (eb) => eb.selectFrom("due").select("due.id"))
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", options.now)
    .returning(["id", "workspace_id", "endpoint_id", "webhook_id", "payload", "failures"])
    .execute();
}

export interface AttemptOutcome {
  attemptedAt: string;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  status: WebhookDeliveryRow["status"];
  failures: number;
  nextAttemptAt: string | null;
}

/**
 * Records an attempt, if the claim that made it still holds the delivery (a lease that ran out
 * may have passed it to another worker, whose attempt counts instead). Run it in a transaction.
 */
export async function recordAttempt(store: Store, deliveryId: string, claimId: string, outcome: AttemptOutcome): Promise<boolean> {
  const updated = await store.db
    .updateTable("webhook_deliveries")
    .set({
      attempts: sql`attempts + 1`,
      failures: outcome.failures,
      status: outcome.status,
      next_attempt_at: outcome.nextAttemptAt,
      claim_id: null,
      last_attempt_at: outcome.attemptedAt,
      last_status_code: outcome.statusCode,
      last_latency_ms: outcome.latencyMs,
      last_error: outcome.error,
    })
    .where("id", "=", deliveryId)
    .where("claim_id", "=", claimId)
    .returning("attempts")
    .executeTakeFirst();
  if (!updated) return false;
  await store.db
    .insertInto("webhook_attempts")
    .values({
      delivery_id: deliveryId,
      number: updated.attempts,
      attempted_at: outcome.attemptedAt,
      status_code: outcome.statusCode,
      latency_ms: outcome.latencyMs,
      error: outcome.error,
    })
    .execute();
  return true;
}
