import type { Store } from "../db/client";
import type { WorkspaceRow } from "../db/schema";
import { newId } from "../ids";
import { nowIso } from "../time";
import { literalLimit } from "../db/literal-limit";

export async function createWorkspace(store: Store, name: string): Promise<WorkspaceRow> {
  const row = { id: newId("ws_"), name, created_at: nowIso() };
  await store.db.insertInto("workspaces").values(row).execute();
  return row;
}

export async function findWorkspace(store: Store, workspaceId: string): Promise<WorkspaceRow | undefined> {
  return store.db.selectFrom("workspaces").selectAll().where("id", "=", workspaceId).executeTakeFirst();
}

export async function hasAnyWorkspace(store: Store): Promise<boolean> {
  return (await store.db.selectFrom("workspaces").select("id").limit(literalLimit(1)).executeTakeFirst()) !== undefined;
}

export async function listWorkspaces(store: Store): Promise<WorkspaceRow[]> {
  return store.db.selectFrom("workspaces").selectAll().orderBy("created_at").orderBy("id").execute();
}
