import { createApiKey } from "../api-keys/repository";
import type { Store } from "../db/client";
import { bulkLoad } from "../db/bulk-load";
import { writeTransaction } from "../db/transaction";
import { demoRowBatches } from "./demo-row-batches";
import { createDemoWorkspace, DEMO_KEY_NAME, insertDemoRows } from "./demo-workspace";

const BULK_LOADED_TABLES = ["contacts", "contact_metadata", "conversations"];

// Bigger transactions load faster (measured: 5,000 → 10,000 saves ~15%), but each holds the write lock:
// at 10,000 contacts that is 1–3 s on a 100k-contact file, inside the 5 s a waiting writer (the
// server, busy_timeout) tolerates.
const CONTACTS_PER_TRANSACTION = 10_000;

export interface SeedOptions {
  name: string;
  contacts: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeededWorkspace {
  workspaceId: string;
  workspaceName: string;
  chatbots: { id: string; name: string }[];
  keyId: string;
  apiKey: string;
  contacts: number;
  conversations: number;
}

/** Creates a new demo workspace: chatbots, `contacts` demo contacts with conversations, and an API key. */
export async function seedWorkspace(store: Store, { name, contacts, onProgress }: SeedOptions): Promise<SeededWorkspace> {
  const now = Date.now();
  const demo = await writeTransaction(store, (tx) => createDemoWorkspace(tx, name));
  let conversations = 0;
  let done = 0;
  await bulkLoad(store, BULK_LOADED_TABLES, async (writeBatch) => {
    // Generated in a worker while the rows before them are written.
    for await (const rows of demoRowBatches(demo, contacts, CONTACTS_PER_TRANSACTION, now)) {
      conversations += await writeBatch((tx) => insertDemoRows(tx, rows));
      done += rows.contacts.length;
      onProgress?.(done, contacts);
    }
  });
  await store.dialect.refreshStatisticsAfterBulkLoad(store.db, contacts);
  const { apiKey, key } = await createApiKey(store, demo.workspace.id, DEMO_KEY_NAME);
  return {
    workspaceId: demo.workspace.id,
    workspaceName: demo.workspace.name,
    chatbots: demo.chatbots.map(({ id, name: chatbotName }) => ({ id, name: chatbotName })),
    keyId: apiKey.id,
    apiKey: key,
    contacts,
    conversations,
  };
}
