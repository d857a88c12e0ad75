import { randomUUID } from "node:crypto";
import type { Store } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { log } from "../log";
import { nowIso } from "../time";
import { claimDueDeliveries, recordAttempt, type AttemptOutcome, type ClaimedDelivery } from "./delivery-repository";
import { findEndpoint } from "./endpoint-repository";
import { ATTEMPT_TIMEOUT_MS, sendAttempt, type AttemptResult } from "./send-attempt";
import { webhookRetrySchedule } from "./settings";
import { webhookHeaders } from "./signature";

// The delivery worker, inside each server process: it polls for due deliveries, leases a few at a
// time (lib/webhooks/delivery-repository.ts claimDueDeliveries), sends them, and records every
// attempt with the next one's time from the retry schedule. Several processes on one PostgreSQL
// share the work without sending one attempt twice at once; a process that dies mid-attempt
// leaves its lease to run out, and the delivery is sent again (at least once, same webhook-id).

const POLL_INTERVAL_MS = 500;
/** After the database failed a poll: it may be away, and opening it again is not free. */
const RETRY_AFTER_ERROR_MS = 5_000;
/** Attempts in flight per process at most. */
const MAX_IN_FLIGHT = 4;
/** How long a claim holds a delivery: the attempt's timeout and room to record it. */
const LEASE_MS = ATTEMPT_TIMEOUT_MS * 2;

export interface WebhookWorker {
  stop: () => void;
}

/** `openStore` is asked on every poll: the database may be away when the server starts. */
export function startWebhookWorker(openStore: () => Promise<Store>): WebhookWorker {
  const schedule = webhookRetrySchedule();
  const inFlight = new Set<AbortController>();
  let stopped = false;
  let polling = false;
  let lastErrorLogged = 0;
  let pausedUntil = 0;

  const poll = async () => {
    if (stopped || polling || inFlight.size >= MAX_IN_FLIGHT || Date.now() < pausedUntil) return;
    polling = true;
    try {
      const now = Date.now();
      const claimId = randomUUID();
      const store = await openStore();
      const claimed = await claimDueDeliveries(store, {
        now: new Date(now).toISOString(),
        leaseEnd: new Date(now + LEASE_MS).toISOString(),
        claimId,
        limit: MAX_IN_FLIGHT - inFlight.size,
      });
      for (const delivery of claimed) void attempt(store, delivery, claimId);
    } catch (error) {
      // A database that is busy or away: try again in a while; say so at most once a minute.
      pausedUntil = Date.now() + RETRY_AFTER_ERROR_MS;
      if (Date.now() - lastErrorLogged > 60_000) {
        lastErrorLogged = Date.now();
        log.warn({ err: error }, "webhook worker could not claim deliveries");
      }
    } finally {
      polling = false;
    }
  };

  const attempt = async (store: Store, delivery: ClaimedDelivery, claimId: string) => {
    const controller = new AbortController();
    inFlight.add(controller);
    try {
      const endpoint = await findEndpoint(store, delivery.workspace_id, delivery.endpoint_id);
      if (!endpoint) return;
      const attemptedAt = nowIso();
      const result = await sendAttempt(endpoint.url, webhookHeaders(endpoint.secret, delivery.webhook_id, delivery.payload), delivery.payload, controller.signal);
      // Stopping mid-attempt: the lease runs out and the delivery is sent again, by this process or another.
      if (stopped) return;
      await writeTransaction(store, (tx) => recordAttempt(tx, delivery.id, claimId, outcomeOf(result, attemptedAt, delivery.failures, schedule)));
    } catch (error) {
      if (!stopped) log.warn({ err: error, deliveryId: delivery.id }, "webhook attempt could not be recorded");
    } finally {
      inFlight.delete(controller);
      void poll();
    }
  };

  const timer = setInterval(() => void poll(), POLL_INTERVAL_MS);
  timer.unref();
  void poll();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
      for (const controller of inFlight) controller.abort();
    },
  };
}

/** What an attempt means for its delivery: done, retried after the schedule's next delay, or failed once the schedule is used up. */
export function outcomeOf(result: AttemptResult, attemptedAt: string, failuresBefore: number, schedule: readonly number[]): AttemptOutcome {
  const common = { attemptedAt, statusCode: result.statusCode, latencyMs: result.latencyMs, error: result.error };
  const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  if (succeeded) return { ...common, status: "succeeded", failures: failuresBefore, nextAttemptAt: null };
  const failures = failuresBefore + 1;
  if (failures > schedule.length) return { ...common, status: "failed", failures, nextAttemptAt: null };
  return { ...common, status: "pending", failures, nextAttemptAt: new Date(Date.parse(attemptedAt) + schedule[failures - 1] * 1000).toISOString() };
}
