import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, expectSuccess } from "../support/api";
import { createTenant, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore, type Store } from "../../lib/db/client";

// Deliveries from a real server to a receiver on 127.0.0.1 (allowed by the operator setting), every
// one verified with the `standardwebhooks` package, with a retry schedule of seconds.

let server: RunningServer;
let store: Store;
let receiver: WebhookReceiver;
let tenant: Tenant;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startServer({ WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: "true", WEBHOOK_RETRY_SCHEDULE: "1,1,1", RATE_LIMIT_PER_MINUTE: "100000" });
  // The server migrates on its first use of the database, which may not have come yet.
  store = await openMigratedStore(databaseConfig({ DATABASE_URL: server.databaseUrl }));
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await store?.db.destroy();
  await server?.stop();
  await receiver?.close();
});

/** A workspace of its own with one endpoint on the receiver, whose secret the receiver verifies with. */
async function subscribe(events: string[], path = "") {
  tenant = await createTenant("Webhook deliveries", store);
  api = client(tenant.apiKey, server.url);
  const endpoint = expectSuccess(await api.post("/v1/webhook-endpoints", { body: { url: receiver.url + path, events } }), 201).endpoint;
  receiver.secret = endpoint.secret;
  return endpoint;
}

const forContact = (contactId: string) => receiver.received.filter((w) => w.body.data.contact?.id === contactId);

describe("webhook deliveries", () => {
  it("send contact.created, contact.updated and contact.deleted with the contact, signed per Standard Webhooks", async () => {
    const endpoint = await subscribe(["contact.created", "contact.updated", "contact.deleted"]);
    const created = expectSuccess(
      await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "Hook Hannah", email: "hannah@example.com", metadata: { plan: "pro" } } }),
      201,
    ).contact;
    const updated = expectSuccess(await api.patch(`/v1/contacts/${created.id}`, { body: { name: "Hannah Hook" } })).contact;
    expectSuccess(await api.delete(`/v1/contacts/${created.id}`));

    await receiver.waitFor(() => forContact(created.id).length === 3);
    const received = forContact(created.id).sort((a, b) => a.body.timestamp.localeCompare(b.body.timestamp));
    expect(received.map((w) => w.body.type)).toEqual(["contact.created", "contact.updated", "contact.deleted"]);
    expect(received.every((w) => w.verified)).toBe(true);
    expect(received[0].body.data.contact).toEqual(created);
    expect(received[1].body.data.contact).toEqual(updated);
    // A deletion carries the contact as it was.
    expect(received[2].body.data.contact).toEqual(updated);
    for (const webhook of received) {
      expect(Math.abs(webhook.timestamp - Date.now() / 1000)).toBeLessThan(60);
      expect(webhook.body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    expect(new Set(received.map((w) => w.webhookId)).size).toBe(3);

    const deliveries = expectSuccess(await api.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`));
    await expect.poll(async () => (await api.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`)).body.data.deliveries.map((d: { status: string }) => d.status)).toEqual([
      "succeeded",
      "succeeded",
      "succeeded",
    ]);
    expect(deliveries.deliveries.map((d: { eventType: string }) => d.eventType)).toEqual(["contact.deleted", "contact.updated", "contact.created"]);
  });

  it("send only the events an endpoint subscribes to, and nothing to a disabled one", async () => {
    await subscribe(["contact.updated"]);
    const disabled = expectSuccess(await api.post("/v1/webhook-endpoints", { body: { url: `${receiver.url}/disabled`, events: ["contact.created"], enabled: false } }), 201)
      .endpoint;
    const contact = expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "Selective" } }), 201).contact;
    expectSuccess(await api.patch(`/v1/contacts/${contact.id}`, { body: { phone: "+15551234567" } }));
    await receiver.waitFor(() => forContact(contact.id).length === 1);
    expect(forContact(contact.id)[0].body.type).toBe("contact.updated");
    expect(expectSuccess(await api.get(`/v1/webhook-endpoints/${disabled.id}/deliveries`)).total).toBe(0);
  });

  it("send contact.deleted for a deletion with If-Match, and nothing for a change the endpoint does not subscribe to", async () => {
    const endpoint = await subscribe(["contact.deleted"]);
    const contact = expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "Conditional Cleo" } }), 201).contact;
    const patched = await api.patch(`/v1/contacts/${contact.id}`, { body: { metadata: { plan: "pro" } } });
    const updated = expectSuccess(patched).contact;
    expectSuccess(await api.delete(`/v1/contacts/${contact.id}`, { headers: { "If-Match": patched.headers.get("etag")! } }));

    await receiver.waitFor(() => forContact(contact.id).length === 1);
    expect(forContact(contact.id).map((w) => w.body.type)).toEqual(["contact.deleted"]);
    expect(forContact(contact.id)[0].body.data.contact).toEqual(updated);
    expect(expectSuccess(await api.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`)).deliveries.map((d: { eventType: string }) => d.eventType)).toEqual([
      "contact.deleted",
    ]);
  });

  it("retry a receiver that answers 500 three times: the fourth attempt delivers, with the same webhook-id, every attempt logged", async () => {
    const endpoint = await subscribe(["contact.created"], "/flaky");
    let failuresLeft = 3;
    receiver.answer = () => (failuresLeft-- > 0 ? 500 : 200);
    try {
      const contact = expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "Retry Rita" } }), 201).contact;
      await receiver.waitFor(() => forContact(contact.id).some((w) => w.answeredWith === 200), 30_000);
      const attempts = forContact(contact.id);
      expect(attempts.map((w) => w.answeredWith)).toEqual([500, 500, 500, 200]);
      expect(new Set(attempts.map((w) => w.webhookId)).size).toBe(1);
      expect(attempts.every((w) => w.verified)).toBe(true);

      const [delivery] = expectSuccess(await api.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`)).deliveries;
      await expect.poll(async () => (await api.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${delivery.id}`)).body.data.delivery.status).toBe("succeeded");
      const logged = expectSuccess(await api.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${delivery.id}`)).delivery;
      expect(logged).toMatchObject({ webhookId: attempts[0].webhookId, attempts: 4, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
      expect(logged.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 500, 200]);
      expect(logged.attemptLog.map((a: { number: number }) => a.number)).toEqual([1, 2, 3, 4]);
      expect(logged.attemptLog[0].error).toMatch(/^HTTP 500/);
      // The schedule's delays (1 s each) lie between attempts.
      const times = logged.attemptLog.map((a: { attemptedAt: string }) => Date.parse(a.attemptedAt));
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(1000);
    } finally {
      receiver.answer = () => 200;
    }
  });

  it("fail a delivery once the schedule is used up, and send it again by hand", async () => {
    const endpoint = await subscribe(["contact.created"], "/down");
    receiver.answer = () => 503;
    try {
      const contact = expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "Failing Fred" } }), 201).contact;
      const [delivery] = expectSuccess(await api.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`)).deliveries;
      const deliveryPath = `/v1/webhook-endpoints/${endpoint.id}/deliveries/${delivery.id}`;
      await expect.poll(async () => (await api.get(deliveryPath)).body.data.delivery.status, { timeout: 30_000 }).toBe("failed");
      const failed = expectSuccess(await api.get(deliveryPath)).delivery;
      expect(failed).toMatchObject({ attempts: 4, lastStatusCode: 503, nextAttemptAt: null });
      expect(forContact(contact.id)).toHaveLength(4);

      receiver.answer = () => 200;
      const resent = expectSuccess(await api.post(`${deliveryPath}/resend`), 202).delivery;
      expect(resent).toMatchObject({ id: delivery.id, status: "pending" });
      await expect.poll(async () => (await api.get(deliveryPath)).body.data.delivery.status, { timeout: 10_000 }).toBe("succeeded");
      const received = forContact(contact.id);
      expect(received.at(-1)).toMatchObject({ answeredWith: 200, verified: true, webhookId: received[0].webhookId });
      expect(expectSuccess(await api.get(deliveryPath)).delivery.attempts).toBe(5);
    } finally {
      receiver.answer = () => 200;
    }
  });

  it("send a webhook.test event, and sign with the new secret after a rotation", async () => {
    const endpoint = await subscribe(["contact.created"], "/test");
    const { delivery } = expectSuccess(await api.post(`/v1/webhook-endpoints/${endpoint.id}/test`), 202);
    await receiver.waitFor((all) => all.some((w) => w.webhookId === delivery.webhookId));
    const test = receiver.received.find((w) => w.webhookId === delivery.webhookId)!;
    expect(test).toMatchObject({ verified: true, body: { type: "webhook.test", data: { endpoint: { id: endpoint.id, url: `${receiver.url}/test` } } } });

    const rotated = expectSuccess(await api.post(`/v1/webhook-endpoints/${endpoint.id}/rotate-secret`)).endpoint;
    const oldSecret = receiver.secret;
    receiver.secret = rotated.secret;
    const contact = expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "Rotated Rob" } }), 201).contact;
    await receiver.waitFor(() => forContact(contact.id).length === 1);
    expect(forContact(contact.id)[0].verified).toBe(true);
    expect(oldSecret).not.toBe(rotated.secret);
  });
});
