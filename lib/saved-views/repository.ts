import type { Store } from "../db/client";
import type { SavedViewRow } from "../db/schema";
import { writeTransaction } from "../db/transaction";
import { isUniqueViolation } from "../db/unique-violation";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { newId } from "../ids";
import { nowIso } from "../time";
import { SAVED_VIEWS_PER_USER, type SavedView, type UpdateSavedViewInput } from "./schemas";

// Saved views of the contacts table. A staff member sees their own views and those shared in their
// workspace; only the owner changes or deletes one.

const viewNotFound = () => new NotFoundError("Saved view not found");
const nameTaken = () => new InvalidInputError({ name: "You already have a view with this name" });

type ViewWithOwner = SavedViewRow & { owner_name: string | null };

function toSavedView(row: ViewWithOwner, userId: string): SavedView {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    shared: row.shared === 1,
    mine: row.owner_id === userId,
    ownerName: row.owner_name ?? "A former staff member",
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function visibleViews(store: Store, workspaceId: string, userId: string) {
  return store.db
    .selectFrom("saved_views")
    .leftJoin("staff_users", (join) => join.onRef("staff_users.id", "=", "saved_views.owner_id").onRef("staff_users.workspace_id", "=", "saved_views.workspace_id"))
    .selectAll("saved_views")
    .select("staff_users.name as owner_name")
    .where("saved_views.workspace_id", "=", workspaceId)
    .where((eb) => eb.or([eb("saved_views.owner_id", "=", userId), eb("saved_views.shared", "=", 1)]));
}

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The caller's views, then the ones others shared; each group by name. */
export async function listSavedViews(store: Store, workspaceId: string, userId: string): Promise<SavedView[]> {
  const rows = await visibleViews(store, workspaceId, userId).execute();
  return rows
    .map((row) => toSavedView(row, userId))
    .sort((a, b) => Number(b.mine) - Number(a.mine) || byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

export async function createSavedView(
  store: Store,
  workspaceId: string,
  userId: string,
  input: { name: string; query: string; shared: boolean },
): Promise<SavedView> {
  try {
    return await writeTransaction(store, async (tx) => {
      const { count } = await tx.db
        .selectFrom("saved_views")
        .select((eb) => eb.fn.countAll<number | string>().as("count"))
        .where("workspace_id", "=", workspaceId)
        .where("owner_id", "=", userId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= SAVED_VIEWS_PER_USER) {
        throw new InvalidInputError({ body: `You have ${SAVED_VIEWS_PER_USER} saved views, the most one person can keep: delete one first` });
      }
      const now = nowIso();
      const id = newId("view_");
      await tx.db
        .insertInto("saved_views")
        .values({ workspace_id: workspaceId, id, owner_id: userId, name: input.name, query: input.query, shared: input.shared ? 1 : 0, created_at: now, updated_at: now })
        .execute();
      return toSavedView(await visibleViews(tx, workspaceId, userId).where("saved_views.id", "=", id).executeTakeFirstOrThrow(), userId);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? nameTaken() : error;
  }
}

/** The view, locked for the caller's change; another's private view is not found, another's shared one is not theirs to change. */
async function ownView(tx: Store, workspaceId: string, userId: string, viewId: string): Promise<void> {
  const row = await tx.dialect
    .forUpdate(tx.db.selectFrom("saved_views").select(["owner_id", "shared"]).where("workspace_id", "=", workspaceId).where("id", "=", viewId))
    .executeTakeFirst();
  if (!row || (row.owner_id !== userId && row.shared !== 1)) throw viewNotFound();
  if (row.owner_id !== userId) throw new ForbiddenError("Only the staff member who saved this view can change or delete it");
}

export async function updateSavedView(store: Store, workspaceId: string, userId: string, viewId: string, change: UpdateSavedViewInput): Promise<SavedView> {
  try {
    return await writeTransaction(store, async (tx) => {
      await ownView(tx, workspaceId, userId, viewId);
      await tx.db
        .updateTable("saved_views")
        .set({
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.query !== undefined ? { query: change.query } : {}),
          ...(change.shared !== undefined ? { shared: change.shared ? 1 : 0 } : {}),
          updated_at: nowIso(),
        })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", viewId)
        .execute();
      return toSavedView(await visibleViews(tx, workspaceId, userId).where("saved_views.id", "=", viewId).executeTakeFirstOrThrow(), userId);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? nameTaken() : error;
  }
}

export async function deleteSavedView(store: Store, workspaceId: string, userId: string, viewId: string): Promise<void> {
  await writeTransaction(store, async (tx) => {
    await ownView(tx, workspaceId, userId, viewId);
    await tx.db.deleteFrom("saved_views").where("workspace_id", "=", workspaceId).where("id", "=", viewId).execute();
  });
}
