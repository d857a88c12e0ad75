import type { Db } from "../db/client";
import type { ConversationRow, NewConversationRow } from "../db/schema";
import type { StorageDialect } from "../db/storage-dialect";

// SQL for conversations. Newest `started_at` first everywhere; id breaks ties.

export async function listConversationsOfContact(
  db: Db,
  workspaceId: string,
  contactId: string,
  page: { limit: number; offset: number },
): Promise<ConversationRow[]> {
  return db
    .selectFrom("conversations")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("contact_id", "=", contactId)
    .orderBy("started_at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countConversationsOfContact(db: Db, workspaceId: string, contactId: string): Promise<number> {
  const row = await db
    .selectFrom("conversations")
    .select((eb) => eb.fn.countAll<number | string | bigint>().as("total"))
    .where("workspace_id", "=", workspaceId)
    .where("contact_id", "=", contactId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Inserts rows as given, in as few statements as the parameter limits allow. */
export async function insertConversations(db: Db, dialect: StorageDialect, rows: readonly NewConversationRow[]): Promise<void> {
  await dialect.insertRows(db, "conversations", rows);
}
