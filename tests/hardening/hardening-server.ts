import { sql } from "kysely";
import { databaseConfig } from "../../lib/config";
import { insertConversations } from "../../lib/conversations/repository";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { newId } from "../../lib/ids";
import { call, expectSuccess } from "../support/api";
import { createTenant, type Tenant } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

// A server of its own for the hardening suites: they send thousands of requests, some with bad
// keys, so the per-key and failed-auth limits are lifted; the contract's defaults are tested elsewhere.

export interface HardeningServer {
  server: RunningServer;
  /** The server's database, opened from the test process. */
  store: Store;
  stop: () => Promise<void>;
}

export async function startHardeningServer(env: Record<string, string> = {}): Promise<HardeningServer> {
  const server = await startServer({ RATE_LIMIT_PER_MINUTE: "1000000", AUTH_FAILURE_LIMIT_PER_MINUTE: "1000000", ...env });
  const store = await openMigratedStore(databaseConfig({ DATABASE_URL: server.databaseUrl }));
  return {
    server,
    store,
    stop: async () => {
      await store.db.destroy();
      await server.stop();
    },
  };
}

export interface SeededContact {
  id: string;
  /** The exact bytes of `GET /v1/contacts/{id}`. */
  getText: string;
}

/** A contact with metadata and a conversation, made over the API like any integration would. */
export async function seedContact(baseUrl: string, store: Store, tenant: Tenant, name: string): Promise<SeededContact> {
  const body = { chatbotId: tenant.chatbotIds[0], name, email: `${name.toLowerCase().replace(/\W/g, "")}@example.com`, phone: "+15551234567", metadata: { plan: "pro", seats: 3, trial: false } };
  const { contact } = expectSuccess(await call("POST", "/v1/contacts", { baseUrl, key: tenant.apiKey, body }), 201);
  await insertConversations(store, [
    {
      workspace_id: tenant.workspaceId,
      id: newId("conv_"),
      chatbot_id: tenant.chatbotIds[0],
      contact_id: contact.id,
      started_at: "2026-01-01T10:00:00.000Z",
      last_message_at: "2026-01-01T10:05:00.000Z",
      message_count: 3,
      summary: "Asked about pricing",
    },
  ]);
  const got = await call("GET", `/v1/contacts/${contact.id}`, { baseUrl, key: tenant.apiKey });
  expectSuccess(got);
  return { id: contact.id, getText: got.text };
}

export async function createTenants(store: Store, ...names: string[]): Promise<Tenant[]> {
  const tenants: Tenant[] = [];
  for (const name of names) tenants.push(await createTenant(name, store));
  return tenants;
}

/**
 * Every stored row a workspace owns that a request could change, in a stable order. Metadata is
 * taken by its length (it is large, and it never changes without `updated_at` moving); tests read
 * the full metadata of the contacts they aim at over the API.
 */
export async function workspaceSnapshot(store: Store, workspaceId: string): Promise<string> {
  const [contacts, conversations, chatbots, apiKeys] = await Promise.all([
    store.db
      .selectFrom("contacts")
      .select(["id", "chatbot_id", "name", "email", "phone", "created_at", "updated_at", sql<number>`length(metadata)`.as("metadata_length")])
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .execute(),
    store.db.selectFrom("conversations").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute(),
    store.db.selectFrom("chatbots").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute(),
    store.db.selectFrom("api_keys").select(["id", "name", "key_hash", "revoked_at"]).where("workspace_id", "=", workspaceId).orderBy("id").execute(),
  ]);
  return JSON.stringify({ contacts, conversations, chatbots, apiKeys });
}
