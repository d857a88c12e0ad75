import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore } from "../../lib/db/client";
import { client, expectSuccess } from "../support/api";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/backend";
import { createTenant, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

// A destination is checked again at every attempt: endpoints made while the operator allowed private
// destinations (or whose name has since come to resolve to a private address) get nothing once the
// setting is off. `localhost` resolves to 127.0.0.1 (and ::1) through /etc/hosts, with no network.

let database: TestDatabase;
let receiver: WebhookReceiver;
let tenant: Tenant;
let server: RunningServer | undefined;
const endpoints: Record<string, { id: string; secret: string }> = {};

beforeAll(async () => {
  database = await createTestDatabase("webhooks_destinations");
  const store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
  tenant = await createTenant("Webhook destinations", store);
  await store.db.destroy();
  receiver = await startWebhookReceiver();
  // Made while the setting allows them.
  const allowing = await startServer({ DATABASE_URL: database.url, WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: "true" });
  const api = client(tenant.apiKey, allowing.url);
  const port = new URL(receiver.url).port;
  for (const [name, url] of Object.entries({ name: `http://localhost:${port}/by-name`, literal: `http://127.0.0.1:${port}/by-address` })) {
    endpoints[name] = expectSuccess(await api.post("/v1/webhook-endpoints", { body: { url, events: ["contact.created"] } }), 201).endpoint;
  }
  await allowing.kill("SIGTERM");
});
afterAll(async () => {
  await server?.kill("SIGKILL");
  await receiver?.close();
  await database?.drop();
});

describe(`a private destination without WEBHOOK_ALLOW_PRIVATE_DESTINATIONS (${testBackend()})`, () => {
  it("is refused at delivery: a name that resolves to 127.0.0.1 and a literal loopback address get nothing, and each attempt says why", async () => {
    server = await startServer({ DATABASE_URL: database.url, WEBHOOK_RETRY_SCHEDULE: "1,1,1" });
    const api = client(tenant.apiKey, server.url);
    expectSuccess(await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "Private Pat" } }), 201);

    for (const [name, expected] of [
      ["name", /localhost resolves to a non-public address \((127\.0\.0\.1|::1)/],
      ["literal", /127\.0\.0\.1 is not a public address/],
    ] as const) {
      const path = `/v1/webhook-endpoints/${endpoints[name].id}/deliveries`;
      await expect.poll(async () => (await api.get(path)).body.data.deliveries[0]?.attempts, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      const [delivery] = expectSuccess(await api.get(path)).deliveries;
      expect(delivery).toMatchObject({ status: "pending", lastStatusCode: null });
      expect(delivery.lastError).toMatch(expected);
      const logged = expectSuccess(await api.get(`${path}/${delivery.id}`)).delivery;
      expect(logged.attemptLog[0]).toMatchObject({ number: 1, statusCode: null, error: expect.stringMatching(expected) });
    }
    expect(receiver.received).toEqual([]);

    // Creating one is refused too, by name as by address.
    for (const url of [`http://localhost:${new URL(receiver.url).port}/x`, receiver.url]) {
      const answer = await api.post("/v1/webhook-endpoints", { body: { url, events: ["contact.created"] } });
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.url).toMatch(/non-public address/);
    }
  }, 60_000);

  it("is delivered once the operator allows it again (the same endpoints, the same queued events)", async () => {
    await server?.kill("SIGTERM");
    // Before the server starts: its first attempts come at once.
    receiver.secret = endpoints.name.secret;
    server = await startServer({ DATABASE_URL: database.url, WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: "true", WEBHOOK_RETRY_SCHEDULE: "1,1,1" });
    await receiver.waitFor((received) => received.some((w) => w.verified && w.body.data.contact?.name === "Private Pat"), 15_000);
  }, 60_000);
});
