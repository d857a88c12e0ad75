import http from "node:http";
import { Webhook } from "standardwebhooks";
import type { Contact } from "../../lib/contacts/schemas";
import { freePort } from "./server";

// A webhook receiver on 127.0.0.1 for the tests: it verifies every request with the
// `standardwebhooks` package (the one integrators use) and answers with the status `answer` picks.

export interface ReceivedWebhook {
  webhookId: string;
  timestamp: number;
  /** Whether the signature verified with the secret the receiver knew at the time. */
  verified: boolean;
  body: { type: string; timestamp: string; data: { contact?: Contact; endpoint?: { id: string; url: string } } };
  answeredWith: number;
  /** False when the sender had hung up (a killed server) before the answer: it never learnt of it. */
  answered: boolean;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The secret signatures are checked with (set it once the endpoint is created or rotated). */
  secret: string;
  /** How long to wait before answering, to keep deliveries in flight. */
  delayMs: number;
  /** The status to answer a request with (200 unless changed). */
  answer: (webhook: Omit<ReceivedWebhook, "answeredWith" | "answered">) => number;
  /** Resolves once `predicate` holds for what was received, or rejects after `timeoutMs`. */
  waitFor: (predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
}

export async function startWebhookReceiver(host = "127.0.0.1"): Promise<WebhookReceiver> {
  const port = await freePort();
  const receiver: WebhookReceiver = {
    url: `http://${host}:${port}/hooks`,
    received: [],
    secret: "",
    answer: () => 200,
    delayMs: 0,
    waitFor: async (predicate, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(receiver.received)) {
        if (Date.now() > deadline) throw new Error(`webhooks not received within ${timeoutMs} ms (got ${receiver.received.length})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const payload = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      let verified = false;
      try {
        new Webhook(receiver.secret).verify(payload, headers);
        verified = true;
      } catch {
        verified = false;
      }
      const webhook = { webhookId: headers["webhook-id"], timestamp: Number(headers["webhook-timestamp"]), verified, body: JSON.parse(payload) };
      setTimeout(() => {
        const status = receiver.answer(webhook);
        receiver.received.push({ ...webhook, answeredWith: status, answered: !request.socket.destroyed });
        response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "not now");
      }, receiver.delayMs);
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return receiver;
}
