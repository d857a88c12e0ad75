import type { Db } from "../db/client";
import type { WorkspaceRow } from "../db/schema";
import { newId } from "../ids";
import { nowIso } from "../time";

export async function createWorkspace(db: Db, name: string): Promise<WorkspaceRow> {
  const row = { id: newId("ws_"), name, created_at: nowIso() };
  await db.insertInto("workspaces").values(row).execute();
  return row;
}

export async function findWorkspace(db: Db, workspaceId: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom("workspaces").selectAll().where("id", "=", workspaceId).executeTakeFirst();
}

export async function hasAnyWorkspace(db: Db): Promise<boolean> {
  return (await db.selectFrom("workspaces").select("id").limit(1).executeTakeFirst()) !== undefined;
}

export async function listWorkspaces(db: Db): Promise<WorkspaceRow[]> {
  return db.selectFrom("workspaces").selectAll().orderBy("created_at").orderBy("id").execute();
}
