import { listChatbots } from "../chatbots/repository";
import { insertContactsIntoEmptyTables, insertInsertableContacts, loadedContactsNeedMetadataIndexRows } from "../contacts/repository";
import type { Store } from "../db/client";
import { bulkLoad } from "../db/bulk-load";
import { preparedBatches, type PreparedBatch, type RejectedRow } from "./prepare-batches";
import { preparedBatchesInWorker } from "./prepare-in-worker";
import type { ImportFormat, SourceRow } from "./read-rows";

// Imports contacts into one workspace. Every row is checked with the API's create schema; a bad
// row is rejected whole (reported with its line and reason) and the good rows go in, in batched
// transactions (one transaction for all when the database has no contacts yet: see bulk-load.ts).
// A batch either commits completely or not at all.

const ROWS_PER_TRANSACTION = 5_000;

export type { RejectedRow };

export interface ImportReport {
  imported: number;
  rejected: RejectedRow[];
}

/** The prepared batches of an import, once the workspace's chatbots are known and whether the batches bring their metadata's index rows. */
type BatchSource = (chatbots: ReadonlySet<string>, metadataIndex: boolean) => AsyncIterable<PreparedBatch>;

/** Imports rows read by the caller, preparing them on this thread. */
export function importContacts(store: Store, workspaceId: string, rows: AsyncIterable<SourceRow>, onBatch?: (imported: number) => void): Promise<ImportReport> {
  return importBatches(store, workspaceId, (chatbots, metadataIndex) => preparedBatches(rows, workspaceId, chatbots, ROWS_PER_TRANSACTION, metadataIndex), onBatch);
}

/** Imports a file, its rows read and prepared on a worker thread while this one writes (prepare-in-worker.ts). */
export function importContactsFile(
  store: Store,
  workspaceId: string,
  file: { path: string; format: ImportFormat },
  onBytes?: (bytesRead: number) => void,
): Promise<ImportReport> {
  return importBatches(
    store,
    workspaceId,
    (chatbots, metadataIndex) =>
      preparedBatchesInWorker(
        { file: file.path, format: file.format, workspaceId, chatbotIds: [...chatbots], batchSize: ROWS_PER_TRANSACTION, metadataIndex },
        onBytes,
      ),
  );
}

async function importBatches(store: Store, workspaceId: string, source: BatchSource, onBatch?: (imported: number) => void): Promise<ImportReport> {
  const chatbots = new Set((await listChatbots(store, workspaceId)).map((chatbot) => chatbot.id));
  const report: ImportReport = { imported: 0, rejected: [] };
  await bulkLoad(store, ["contacts", "contact_metadata"], async (writeBatch, path) => {
    const intoEmpty = path === "into-empty-tables";
    const insert = intoEmpty ? insertContactsIntoEmptyTables : insertInsertableContacts;
    for await (const { contacts, rejected } of source(chatbots, !intoEmpty || loadedContactsNeedMetadataIndexRows(store))) {
      report.rejected.push(...rejected);
      if (contacts.rows.values.length === 0) continue;
      await writeBatch((tx) => insert(tx, contacts));
      report.imported += contacts.rows.values.length;
      onBatch?.(report.imported);
    }
  });
  await store.dialect.refreshStatisticsAfterBulkLoad(store.db, report.imported);
  // Parsers may report a malformed record before the rows read ahead of it: the report is in file order.
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}
