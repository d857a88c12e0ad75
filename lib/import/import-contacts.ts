import { listChatbots } from "../chatbots/repository";
import { indexLoadedContacts, insertContacts, insertContactsBeforeIndexing } from "../contacts/repository";
import type { Store } from "../db/client";
import { bulkLoad } from "../db/bulk-load";
import type { ImportSource, RejectedRow } from "./check-rows";

// Imports contacts into one workspace from checked batches (check-rows.ts): the good rows go in,
// in batched transactions (one transaction for all when the database has no contacts yet: see
// bulk-load.ts). A batch either commits completely or not at all.

export type { RejectedRow } from "./check-rows";

export interface ImportReport {
  imported: number;
  rejected: RejectedRow[];
}

export async function importContacts(
  store: Store,
  workspaceId: string,
  source: ImportSource,
  onBatch?: (imported: number, bytesRead: number) => void,
): Promise<ImportReport> {
  const chatbots = new Set((await listChatbots(store, workspaceId)).map((chatbot) => chatbot.id));
  const report: ImportReport = { imported: 0, rejected: [] };
  await bulkLoad(store, ["contacts"], async (writeBatch, path) => {
    // Into an empty table the search index is built once, at the end of the one transaction.
    const insert = path === "into-empty-tables" ? insertContactsBeforeIndexing : insertContacts;
    for await (const { rows, rejected, bytesRead } of source(workspaceId, chatbots)) {
      report.rejected.push(...rejected);
      if (rows.length > 0) await writeBatch((tx) => insert(tx, rows));
      report.imported += rows.length;
      onBatch?.(report.imported, bytesRead);
    }
    if (path === "into-empty-tables") await writeBatch(indexLoadedContacts);
  });
  await store.dialect.refreshStatisticsAfterBulkLoad(store.db, report.imported);
  // Parsers may report a malformed record before the rows read ahead of it: the report is in file order.
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}
