import { issuesToDetails } from "../validation/issues";
import { listChatbots } from "../chatbots/repository";
import { indexLoadedContacts, insertContacts, insertContactsBeforeIndexing } from "../contacts/repository";
import { newContactRow } from "../contacts/service";
import type { Store } from "../db/client";
import type { NewContactRow } from "../db/schema";
import { bulkLoad } from "../db/bulk-load";
import { importContactSchema } from "./import-schema";
import type { SourceRow } from "./read-rows";

// Imports contacts into one workspace. Every row is checked with the API's create schema; a bad
// row is rejected whole (reported with its line and reason) and the good rows go in, in batched
// transactions (one transaction for all when the database has no contacts yet: see bulk-load.ts).
// A batch either commits completely or not at all.

const ROWS_PER_TRANSACTION = 5_000;

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportReport {
  imported: number;
  rejected: RejectedRow[];
}

/** The row to insert, or undefined after reporting why the row is rejected. */
function validRow(row: SourceRow, workspaceId: string, chatbots: ReadonlySet<string>, report: ImportReport): NewContactRow | undefined {
  if ("unreadable" in row) {
    report.rejected.push({ line: row.line, reason: row.unreadable });
    return undefined;
  }
  const parsed = importContactSchema.safeParse(row.value);
  if (!parsed.success) {
    const details = issuesToDetails(parsed.error.issues);
    report.rejected.push({ line: row.line, reason: Object.entries(details).map(([field, message]) => `${field}: ${message}`).join("; ") });
    return undefined;
  }
  const input = parsed.data;
  if (!chatbots.has(input.chatbotId)) {
    report.rejected.push({ line: row.line, reason: `chatbotId: no chatbot "${input.chatbotId}" in this workspace` });
    return undefined;
  }
  return newContactRow(workspaceId, input, input.createdAt);
}

export async function importContacts(
  store: Store,
  workspaceId: string,
  rows: AsyncIterable<SourceRow>,
  onBatch?: (imported: number) => void,
): Promise<ImportReport> {
  const chatbots = new Set((await listChatbots(store, workspaceId)).map((chatbot) => chatbot.id));
  const report: ImportReport = { imported: 0, rejected: [] };
  await bulkLoad(store, ["contacts", "contact_metadata"], async (writeBatch, path) => {
    // Into an empty table the search index is built once, at the end of the one transaction.
    const insert = path === "into-empty-tables" ? insertContactsBeforeIndexing : insertContacts;
    let batch: NewContactRow[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rowsToInsert = batch;
      batch = [];
      await writeBatch((tx) => insert(tx, rowsToInsert));
      report.imported += rowsToInsert.length;
      onBatch?.(report.imported);
    };

    for await (const row of rows) {
      const contact = validRow(row, workspaceId, chatbots, report);
      if (!contact) continue;
      batch.push(contact);
      if (batch.length >= ROWS_PER_TRANSACTION) await flush();
    }
    await flush();
    if (path === "into-empty-tables") await writeBatch(indexLoadedContacts);
  });
  await store.dialect.refreshStatisticsAfterBulkLoad(store.db, report.imported);
  // Parsers may report a malformed record before the rows read ahead of it: the report is in file order.
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}
