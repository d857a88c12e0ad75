import { newContactRow } from "../contacts/service";
import type { NewContactRow } from "../db/schema";
import { issuesToDetails } from "../validation/issues";
import { importContactSchema } from "./import-schema";
import type { SourceRow } from "./read-rows";

// Every imported row is checked with the API's create schema; a bad row is rejected whole (with
// its line and reason), the good ones come out as rows to insert, a batch at a time.

export interface RejectedRow {
  line: number;
  reason: string;
}

/** Up to one transaction's rows to insert, the rows rejected on the way, and how far the file is read. */
export interface CheckedBatch {
  rows: NewContactRow[];
  rejected: RejectedRow[];
  bytesRead: number;
}

/** Where an import's checked batches come from: this thread, or a worker (check-rows-in-worker.ts). */
export type ImportSource = (workspaceId: string, chatbots: ReadonlySet<string>) => AsyncIterable<CheckedBatch>;

export const ROWS_PER_TRANSACTION = 5_000;

function checkedRow(row: SourceRow, workspaceId: string, chatbots: ReadonlySet<string>): NewContactRow | RejectedRow {
  if ("unreadable" in row) return { line: row.line, reason: row.unreadable };
  const parsed = importContactSchema.safeParse(row.value);
  if (!parsed.success) {
    const details = issuesToDetails(parsed.error.issues);
    return { line: row.line, reason: Object.entries(details).map(([field, message]) => `${field}: ${message}`).join("; ") };
  }
  const input = parsed.data;
  if (!chatbots.has(input.chatbotId)) return { line: row.line, reason: `chatbotId: no chatbot "${input.chatbotId}" in this workspace` };
  return newContactRow(workspaceId, input, input.createdAt);
}

/** The rows of `source`, checked, in batches of ROWS_PER_TRANSACTION good rows (the last may be short). */
export async function* checkedBatches(
  source: AsyncIterable<SourceRow>,
  workspaceId: string,
  chatbots: ReadonlySet<string>,
  bytesRead: () => number = () => 0,
): AsyncGenerator<CheckedBatch> {
  let batch: CheckedBatch = { rows: [], rejected: [], bytesRead: 0 };
  for await (const row of source) {
    const checked = checkedRow(row, workspaceId, chatbots);
    if ("reason" in checked) batch.rejected.push(checked);
    else batch.rows.push(checked);
    if (batch.rows.length >= ROWS_PER_TRANSACTION) {
      yield { ...batch, bytesRead: bytesRead() };
      batch = { rows: [], rejected: [], bytesRead: 0 };
    }
  }
  yield { ...batch, bytesRead: bytesRead() };
}

/** Checks `rows` on this thread. */
export const checkedInThread =
  (rows: AsyncIterable<SourceRow>): ImportSource =>
  (workspaceId, chatbots) =>
    checkedBatches(rows, workspaceId, chatbots);
