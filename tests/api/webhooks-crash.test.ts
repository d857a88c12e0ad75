import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore, openStore } from "../../lib/db/client";
import { call, client, expectSuccess } from "../support/api";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/backend";
import { createTenant, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "../support/webhook-receiver";

// At least once, across a SIGKILL and across processes: events are written with their change, so a
// server killed right after acknowledging writes still delivers every one after a restart, and
// several servers on one database share the deliveries without sending one twice.

const SETTINGS = { WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: "true", WEBHOOK_RETRY_SCHEDULE: "1,1,1", RATE_LIMIT_PER_MINUTE: "1000000" };

let database: TestDatabase;
let receiver: WebhookReceiver;
const servers: RunningServer[] = [];

beforeAll(async () => {
  database = await createTestDatabase("webhooks_crash");
  const store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
  await store.db.destroy();
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  for (const server of servers.splice(0)) await server.kill("SIGKILL");
  receiver.received.length = 0;
  receiver.delayMs = 0;
});
afterAll(async () => {
  await receiver?.close();
  await database?.drop();
});

async function tenantWithEndpoint(name: string, baseUrl: string): Promise<Tenant> {
  const store = openStore(databaseConfig({ DATABASE_URL: database.url }));
  const tenant = await createTenant(name, store);
  await store.db.destroy();
  const endpoint = expectSuccess(
    await client(tenant.apiKey, baseUrl).post("/v1/webhook-endpoints", { body: { url: receiver.url, events: ["contact.created", "contact.updated"] } }),
    201,
  ).endpoint;
  receiver.secret = endpoint.secret;
  return tenant;
}

/** `count` creates, `concurrency` at a time, spread over `baseUrls`; the ids acknowledged. */
async function createContacts(tenant: Tenant, baseUrls: string[], count: number, concurrency: number): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const response = await call("POST", "/v1/contacts", {
        key: tenant.apiKey,
        baseUrl: baseUrls[i % baseUrls.length],
        body: { chatbotId: tenant.chatbotIds[i % 2], name: `Crash ${i}` },
      });
      ids.push(expectSuccess(response, 201).contact.id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}

/** Each contact's created-event webhooks, by contact id. */
function createdEvents(received: ReceivedWebhook[]): Map<string, ReceivedWebhook[]> {
  const byContact = new Map<string, ReceivedWebhook[]>();
  for (const webhook of received.filter((w) => w.body.type === "contact.created")) {
    const id = webhook.body.data.contact!.id;
    byContact.set(id, [...(byContact.get(id) ?? []), webhook]);
  }
  return byContact;
}

describe(`webhooks at least once (${testBackend()})`, () => {
  it("deliver every one of 200 acknowledged writes after the server is killed with SIGKILL right after them", async () => {
    let server = await startServer({ DATABASE_URL: database.url, ...SETTINGS });
    servers.push(server);
    const tenant = await tenantWithEndpoint("Webhooks crash", server.url);
    // A slow receiver: when the server dies, most events are still queued or in flight.
    receiver.delayMs = 100;
    const acknowledged = await createContacts(tenant, [server.url], 200, 10);
    const exit = await server.kill("SIGKILL");
    expect(exit.signal).toBe("SIGKILL");
    const deliveredBeforeKill = createdEvents(receiver.received).size;
    expect(acknowledged).toHaveLength(200);
    expect(deliveredBeforeKill).toBeLessThan(200);

    receiver.delayMs = 0;
    server = await server.restart();
    servers.push(server);
    // Deliveries the killed process had in flight (their answer never reached it) wait for its lease to run out (30 s).
    await receiver.waitFor((received) => acknowledged.every((id) => createdEvents(received).get(id)?.some((w) => w.answered && w.answeredWith === 200)), 90_000);
    const byContact = createdEvents(receiver.received);
    const lostAnswers = receiver.received.filter((w) => !w.answered).length;
    console.log(`[webhooks-crash ${testBackend()}] delivered before the kill: ${deliveredBeforeKill}; answers the killed server never got: ${lostAnswers}; requests received: ${receiver.received.length}`);
    for (const id of acknowledged) {
      const webhooks = byContact.get(id)!;
      // At least once, and every copy of one event carries one webhook-id, verified.
      expect(new Set(webhooks.map((w) => w.webhookId)).size).toBe(1);
      expect(webhooks.every((w) => w.verified)).toBe(true);
    }
    const webhookIds = [...byContact.values()].map((webhooks) => webhooks[0].webhookId);
    expect(new Set(webhookIds).size).toBe(200);
  }, 150_000);

  it("share the deliveries between two servers on one database without sending any attempt twice", async () => {
    const first = await startServer({ DATABASE_URL: database.url, ...SETTINGS });
    servers.push(first);
    const second = await startServer({ DATABASE_URL: database.url, ...SETTINGS });
    servers.push(second);
    const tenant = await tenantWithEndpoint("Webhooks two servers", first.url);
    receiver.delayMs = 20;
    const acknowledged = await createContacts(tenant, [first.url, second.url], 120, 8);
    await receiver.waitFor((received) => createdEvents(received).size === 120, 60_000);
    // Settle: a duplicate would come within the poll interval.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const byContact = createdEvents(receiver.received);
    expect([...byContact.keys()].sort()).toEqual([...acknowledged].sort());
    expect([...byContact.values()].filter((webhooks) => webhooks.length > 1)).toEqual([]);
    expect(receiver.received.every((w) => w.verified && w.answeredWith === 200)).toBe(true);
  }, 90_000);
});
