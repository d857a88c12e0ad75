import type { Store } from "../db/client";
import { nowIso } from "../time";
import { contactColumnsSchema, DEFAULT_CONTACT_COLUMNS, type ContactColumns } from "./schemas";

// A staff user's preferences, one JSON value per name. Read values are checked again: a value
// saved under older rules falls back to the default instead of breaking the page.

const CONTACT_COLUMNS = "contacts.columns";

export async function getContactColumns(store: Store, workspaceId: string, staffUserId: string): Promise<ContactColumns> {
  const row = await store.db
    .selectFrom("staff_preferences")
    .select("value")
    .where("workspace_id", "=", workspaceId)
    .where("staff_user_id", "=", staffUserId)
    .where("name", "=", CONTACT_COLUMNS)
    .executeTakeFirst();
  if (!row) return DEFAULT_CONTACT_COLUMNS;
  const parsed = contactColumnsSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_CONTACT_COLUMNS;
}

export async function saveContactColumns(store: Store, workspaceId: string, staffUserId: string, columns: ContactColumns): Promise<ContactColumns> {
  const value = JSON.stringify(columns);
  const updatedAt = nowIso();
  await store.db
    .insertInto("staff_preferences")
    .values({ workspace_id: workspaceId, staff_user_id: staffUserId, name: CONTACT_COLUMNS, value, updated_at: updatedAt })
    .onConflict((conflict) => conflict.columns(["workspace_id", "staff_user_id", "name"]).doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
  return columns;
}
