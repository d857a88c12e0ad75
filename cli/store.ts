import { openMigratedStore, type Store } from "../lib/db/client";
import type { WorkspaceRow } from "../lib/db/schema";
import { findWorkspace } from "../lib/workspaces/repository";
import { CliError } from "./output";

/** Runs `work` on the store of DATABASE_URL, then closes it so the process can exit. */
export async function withStore<T>(work: (store: Store) => Promise<T>, open: () => Promise<Store> = openMigratedStore): Promise<T> {
  const store = await open();
  try {
    return await work(store);
  } finally {
    await store.db.destroy();
  }
}

export async function requireWorkspace(store: Store, workspaceId: string): Promise<WorkspaceRow> {
  const workspace = await findWorkspace(store, workspaceId);
  if (!workspace) throw new CliError(`no workspace with id "${workspaceId}"`);
  return workspace;
}
