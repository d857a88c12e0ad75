import { customAlphabet } from "nanoid";
import type { Store } from "../db/client";
import { contactJson, type StoredContact } from "../contacts/contact-row";
import { BASE62 } from "../ids";
import { nowIso } from "../time";
import { enqueueEvent, hasSubscribedEndpoint } from "./delivery-repository";
import type { WebhookEventType } from "./schemas";

// The transactional outbox: a contact change queues its event in the change's own transaction,
// so a committed change always has its deliveries queued, even if the process dies right after
// answering. The delivery worker (lib/webhooks/worker.ts) sends them.

const eventKey = customAlphabet(BASE62, 20);

/** The body every endpoint gets for the event, the contact in the API's shape. */
export function contactEventBody(type: WebhookEventType, timestamp: string, contact: StoredContact): string {
  return `{"type":${JSON.stringify(type)},"timestamp":${JSON.stringify(timestamp)},"data":{"contact":${contactJson(contact)}}}`;
}

/**
 * Queues `type` for the contact as it is after the change (as it was, for a deletion). Run it in the
 * change's write transaction. `subscribed`, when a query of that transaction asked already (the
 * contact's lock: lockedContactVersion), spares asking again.
 */
export async function recordContactEvent(tx: Store, workspaceId: string, type: WebhookEventType, contact: StoredContact, subscribed?: boolean): Promise<void> {
  if (!(subscribed ?? (await hasSubscribedEndpoint(tx, workspaceId, type)))) return;
  const now = nowIso();
  await enqueueEvent(tx, { workspaceId, eventKey: eventKey(), eventType: type, payload: contactEventBody(type, now, contact), now });
}
