import { customAlphabet } from "nanoid";
import type { Store } from "../db/client";
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointRow } from "../db/schema";
import { InvalidInputError, NotFoundError } from "../errors";
import { BASE62, newId } from "../ids";
import { nowIso, nextTimestamp } from "../time";
import { isStorableText } from "../validation/text";
import { countDeliveries, findDelivery, insertDelivery, listAttempts, listDeliveries, requeueDelivery } from "./delivery-repository";
import { refusedDestination } from "./destination";
import { countEndpoints, deleteEndpoint, findEndpoint, insertEndpoint, listEndpoints, updateEndpoint } from "./endpoint-repository";
import {
  ATTEMPT_LOG_MAX,
  TEST_EVENT_TYPE,
  type CreateWebhookEndpointInput,
  type ListWebhookEndpointsQuery,
  type UpdateWebhookEndpointInput,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from "./schemas";
import { generateWebhookSecret } from "./signature";

// Webhook endpoints and their deliveries, for the /v1 routes: tenancy, the destination rule,
// secrets shown only when made.

export const endpointNotFound = () => new NotFoundError("Webhook endpoint not found");
const deliveryNotFound = () => new NotFoundError("Webhook delivery not found");

function assertPossibleId(id: string, notFound: () => NotFoundError): void {
  if (!isStorableText(id)) throw notFound();
}

export function toEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEndpoint["events"],
    description: row.description,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const withSecret = (row: WebhookEndpointRow): WebhookEndpointWithSecret => ({ ...toEndpoint(row), secret: row.secret });

export function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventType: row.event_type as WebhookDelivery["eventType"],
    status: row.status,
    attempts: Number(row.attempts),
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code,
    lastLatencyMs: row.last_latency_ms,
    lastError: row.last_error,
    nextAttemptAt: row.status === "pending" ? row.next_attempt_at : null,
    createdAt: row.created_at,
  };
}

const toAttempt = (row: WebhookAttemptRow): WebhookAttempt => ({
  number: Number(row.number),
  attemptedAt: row.attempted_at,
  statusCode: row.status_code,
  latencyMs: Number(row.latency_ms),
  error: row.error,
});

async function assertDestination(url: string): Promise<void> {
  const refused = await refusedDestination(url);
  if (refused) throw new InvalidInputError({ url: refused });
}

export async function createWebhookEndpoint(store: Store, workspaceId: string, input: CreateWebhookEndpointInput): Promise<WebhookEndpointWithSecret> {
  await assertDestination(input.url);
  const now = nowIso();
  const row: WebhookEndpointRow = {
    workspace_id: workspaceId,
    id: newId("whep_"),
    url: input.url,
    description: input.description ?? null,
    events: JSON.stringify(input.events),
    enabled: input.enabled === false ? 0 : 1,
    secret: generateWebhookSecret(),
    created_at: now,
    updated_at: now,
  };
  await insertEndpoint(store, row);
  return withSecret(row);
}

export async function listWebhookEndpoints(store: Store, workspaceId: string, query: ListWebhookEndpointsQuery) {
  const [rows, total] = await Promise.all([listEndpoints(store, workspaceId, query), countEndpoints(store, workspaceId)]);
  return { endpoints: rows.map(toEndpoint), total, limit: query.limit, offset: query.offset };
}

async function existingEndpoint(store: Store, workspaceId: string, endpointId: string): Promise<WebhookEndpointRow> {
  assertPossibleId(endpointId, endpointNotFound);
  const row = await findEndpoint(store, workspaceId, endpointId);
  if (!row) throw endpointNotFound();
  return row;
}

export async function getWebhookEndpoint(store: Store, workspaceId: string, endpointId: string): Promise<WebhookEndpoint> {
  return toEndpoint(await existingEndpoint(store, workspaceId, endpointId));
}

export async function updateWebhookEndpoint(store: Store, workspaceId: string, endpointId: string, input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
  const current = await existingEndpoint(store, workspaceId, endpointId);
  if (input.url !== undefined) await assertDestination(input.url);
  const updated = await updateEndpoint(store, workspaceId, endpointId, {
    updated_at: nextTimestamp(current.updated_at),
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.events !== undefined ? { events: JSON.stringify(input.events) } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
  });
  if (!updated) throw endpointNotFound();
  return toEndpoint(updated);
}

export async function deleteWebhookEndpoint(store: Store, workspaceId: string, endpointId: string): Promise<void> {
  assertPossibleId(endpointId, endpointNotFound);
  if (!(await deleteEndpoint(store, workspaceId, endpointId))) throw endpointNotFound();
}

/** A new secret; the old one stops signing at once. */
export async function rotateWebhookSecret(store: Store, workspaceId: string, endpointId: string): Promise<WebhookEndpointWithSecret> {
  const current = await existingEndpoint(store, workspaceId, endpointId);
  const updated = await updateEndpoint(store, workspaceId, endpointId, { secret: generateWebhookSecret(), updated_at: nextTimestamp(current.updated_at) });
  if (!updated) throw endpointNotFound();
  return withSecret(updated);
}

const deliveryKey = customAlphabet(BASE62, 20);

/** Queues a `webhook.test` event to this endpoint alone, whatever it subscribes to (and even when disabled: it waits until enabled). */
export async function sendTestEvent(store: Store, workspaceId: string, endpointId: string): Promise<WebhookDelivery> {
  const endpoint = await existingEndpoint(store, workspaceId, endpointId);
  const now = nowIso();
  const key = deliveryKey();
  const row = {
    id: `whdl_${key}`,
    workspace_id: workspaceId,
    endpoint_id: endpoint.id,
    webhook_id: `msg_${key}`,
    event_type: TEST_EVENT_TYPE,
    payload: JSON.stringify({ type: TEST_EVENT_TYPE, timestamp: now, data: { endpoint: { id: endpoint.id, url: endpoint.url } } }),
    status: "pending" as const,
    attempts: 0,
    failures: 0,
    next_attempt_at: now,
    created_at: now,
  };
  await insertDelivery(store, row);
  return toDelivery({ ...row, claim_id: null, last_attempt_at: null, last_status_code: null, last_latency_ms: null, last_error: null });
}

export async function listWebhookDeliveries(store: Store, workspaceId: string, endpointId: string, query: ListWebhookEndpointsQuery) {
  await existingEndpoint(store, workspaceId, endpointId);
  const [rows, total] = await Promise.all([listDeliveries(store, workspaceId, endpointId, query), countDeliveries(store, workspaceId, endpointId)]);
  return { deliveries: rows.map(toDelivery), total, limit: query.limit, offset: query.offset };
}

export async function getWebhookDelivery(store: Store, workspaceId: string, endpointId: string, deliveryId: string) {
  assertPossibleId(endpointId, deliveryNotFound);
  assertPossibleId(deliveryId, deliveryNotFound);
  const row = await findDelivery(store, workspaceId, endpointId, deliveryId);
  if (!row) throw deliveryNotFound();
  return { ...toDelivery(row), attemptLog: (await listAttempts(store, row.id, ATTEMPT_LOG_MAX)).map(toAttempt) };
}

/** Sends a delivery again (any status), now, with the same body and `webhook-id`, and the whole retry schedule ahead. */
export async function resendWebhookDelivery(store: Store, workspaceId: string, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  assertPossibleId(endpointId, deliveryNotFound);
  assertPossibleId(deliveryId, deliveryNotFound);
  const row = await requeueDelivery(store, workspaceId, endpointId, deliveryId, nowIso());
  if (!row) throw deliveryNotFound();
  return toDelivery(row);
}
