import { sql } from "kysely";
import type { Store } from "../db/client";
import { preparedQuery, preparedQueryByShape } from "../db/prepared-query";

// How many contacts each chatbot of a workspace has, kept in step with inserts and deletes inside
// their transactions, so that an unfiltered `total` is a read of a few rows instead of a count.

const countAdded = preparedQuery<{ workspace_id: string; chatbot_id: string; contacts: number }, never>((db, value) =>
  db
    .insertInto("contact_counts")
    .values({ workspace_id: value("workspace_id"), chatbot_id: value("chatbot_id"), contacts: value("contacts") })
    .onConflict((oc) => oc.columns(["workspace_id", "chatbot_id"]).doUpdateSet({ contacts: sql`contact_counts.contacts + excluded.contacts` })),
);

/** Adds inserted contacts to their chatbots' counts (in chatbot order, so concurrent writers lock alike). */
export async function addToContactCounts(store: Store, rows: readonly { workspace_id: string; chatbot_id: string }[]): Promise<void> {
  const added = new Map<string, { workspace_id: string; chatbot_id: string; contacts: number }>();
  for (const { workspace_id, chatbot_id } of rows) {
    const key = `${workspace_id}\u0000${chatbot_id}`;
    const entry = added.get(key) ?? { workspace_id, chatbot_id, contacts: 0 };
    entry.contacts += 1;
    added.set(key, entry);
  }
  for (const entry of [...added.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, value]) => value)) await countAdded(store, entry);
}

export async function subtractFromContactCount(store: Store, workspaceId: string, chatbotId: string): Promise<void> {
  await store.db
    .updateTable("contact_counts")
    .set({ contacts: sql`contacts - 1` })
    .where("workspace_id", "=", workspaceId)
    .where("chatbot_id", "=", chatbotId)
    .execute();
}

const contactsCounted = preparedQueryByShape<{ ofChatbot: boolean }, { workspaceId: string; chatbotId?: string }, { total: number | string | bigint }>(
  (db, value, _dialect, { ofChatbot }) => {
    let query = db
      .selectFrom("contact_counts")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string | bigint>("contacts"), sql<number>`0`).as("total"))
      .where("workspace_id", "=", value("workspaceId"));
    if (ofChatbot) query = query.where("chatbot_id", "=", value("chatbotId")!);
    return query;
  },
);

/** Contacts of the workspace, or of one of its chatbots. */
export async function countedContacts(store: Store, workspaceId: string, chatbotId?: string): Promise<number> {
  const ofChatbot = chatbotId !== undefined;
  const [row] = await contactsCounted(store, ofChatbot ? "chatbot" : "workspace", { ofChatbot }, { workspaceId, chatbotId });
  return Number(row!.total);
}
