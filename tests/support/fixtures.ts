import { inject } from "vitest";
import { createApiKey } from "../../lib/api-keys/repository";
import { createChatbot } from "../../lib/chatbots/repository";
import { databaseConfig } from "../../lib/config";
import { openStore, type Store } from "../../lib/db/client";
import { createWorkspace } from "../../lib/workspaces/repository";

// Each test file works in workspaces of its own, created straight in the server's database.

let store: Store | undefined;

/** A store on a server's database; the caller closes it with `store.db.destroy()`. */
export function storeFor(databaseUrl: string): Store {
  return openStore(databaseConfig({ DATABASE_URL: databaseUrl }));
}

/** The server's database, opened from the test process. */
export function testStore(): Store {
  if (!store) {
    // Stays open for the worker's life; SQLite closes it when the process ends.
    store = storeFor(inject("databaseUrl"));
  }
  return store;
}

export interface Tenant {
  workspaceId: string;
  chatbotIds: string[];
  apiKey: string;
  keyId: string;
}

/** A workspace with two chatbots and a key; in the suite's database unless another store is given. */
export async function createTenant(name = "Test workspace", store: Store = testStore()): Promise<Tenant> {
  const workspace = await createWorkspace(store, name);
  const chatbots = [await createChatbot(store, workspace.id, "Website bot"), await createChatbot(store, workspace.id, "Support bot")];
  const { apiKey, key } = await createApiKey(store, workspace.id, "test key");
  return { workspaceId: workspace.id, chatbotIds: chatbots.map((c) => c.id), apiKey: key, keyId: apiKey.id };
}

/** Another key for the same workspace: keys do not share a rate-limit budget. */
export async function newKeyFor(tenant: Tenant): Promise<string> {
  return (await createApiKey(testStore(), tenant.workspaceId, "extra key")).key;
}
