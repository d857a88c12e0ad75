import type { Store } from "../db/client";
import type { WebhookEndpointRow } from "../db/schema";
import { literalLimit } from "../db/literal-limit";

// SQL for webhook endpoints, and nothing else. Every query names the workspace.

type EndpointChanges = Partial<Pick<WebhookEndpointRow, "url" | "description" | "events" | "enabled" | "secret" | "updated_at">>;

export async function insertEndpoint(store: Store, row: WebhookEndpointRow): Promise<void> {
  await store.db.insertInto("webhook_endpoints").values(row).execute();
}

export async function findEndpoint(store: Store, workspaceId: string, endpointId: string): Promise<WebhookEndpointRow | undefined> {
  return store.db.selectFrom("webhook_endpoints").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", endpointId).executeTakeFirst();
}

export async function listEndpoints(store: Store, workspaceId: string, page: { limit: number; offset: number }): Promise<WebhookEndpointRow[]> {
  return store.db
    .selectFrom("webhook_endpoints")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(literalLimit(page.limit))
    .offset(page.offset)
    .execute();
}

export async function countEndpoints(store: Store, workspaceId: string): Promise<number> {
  const row = await store.db
    .selectFrom("webhook_endpoints")
    .select((eb) => eb.fn.countAll<number | string | bigint>().as("total"))
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Applies `changes`; the endpoint as updated, or undefined when absent. */
export async function updateEndpoint(store: Store, workspaceId: string, endpointId: string, changes: EndpointChanges): Promise<WebhookEndpointRow | undefined> {
  return store.db
    .updateTable("webhook_endpoints")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", endpointId)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes an endpoint with its deliveries and their attempts. False when absent. */
export async function deleteEndpoint(store: Store, workspaceId: string, endpointId: string): Promise<boolean> {
  const deliveries = store.db.selectFrom("webhook_deliveries").select("id").where("workspace_id", "=", workspaceId).where("endpoint_id", "=", endpointId);
  await store.db.deleteFrom("webhook_attempts").where("delivery_id", "in", deliveries).execute();
  await store.db.deleteFrom("webhook_deliveries").where("workspace_id", "=", workspaceId).where("endpoint_id", "=", endpointId).execute();
  const deleted = await store.db
    .deleteFrom("webhook_endpoints")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", endpointId)
    .returning("id")
    .executeTakeFirst();
  return deleted !== undefined;
}
