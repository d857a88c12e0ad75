import { insertableContacts, type InsertableContacts } from "../contacts/repository";
import { newContactRow } from "../contacts/service";
import type { NewContactRow } from "../db/schema";
import { issuesToDetails } from "../validation/issues";
import type { Metadata } from "../validation/metadata";
import { importContactSchema } from "./import-schema";
import type { SourceRow } from "./read-rows";

// The rows of an import checked and made ready to insert, a batch at a time: every row is checked
// with the API's create schema, and a bad row is rejected whole, with its line and reason.

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface PreparedBatch {
  contacts: InsertableContacts;
  rejected: RejectedRow[];
}

interface PreparedRow {
  contact: NewContactRow;
  metadata: Metadata;
}

/** The row to insert, with its metadata as parsed, or the reason it is rejected. */
function preparedRow(row: SourceRow, workspaceId: string, chatbots: ReadonlySet<string>): PreparedRow | RejectedRow {
  if ("unreadable" in row) return { line: row.line, reason: row.unreadable };
  const parsed = importContactSchema.safeParse(row.value);
  if (!parsed.success) {
    const details = issuesToDetails(parsed.error.issues);
    return { line: row.line, reason: Object.entries(details).map(([field, message]) => `${field}: ${message}`).join("; ") };
  }
  const input = parsed.data;
  if (!chatbots.has(input.chatbotId)) return { line: row.line, reason: `chatbotId: no chatbot "${input.chatbotId}" in this workspace` };
  return { contact: newContactRow(workspaceId, input, input.createdAt), metadata: input.metadata ?? {} };
}

/**
 * Batches of up to `size` contacts, each with the rows rejected since the batch before; with their
 * metadata's index rows unless `metadataIndex` is false (see insertableContacts).
 */
export async function* preparedBatches(
  rows: AsyncIterable<SourceRow>,
  workspaceId: string,
  chatbots: ReadonlySet<string>,
  size: number,
  metadataIndex = true,
): AsyncGenerator<PreparedBatch> {
  let contacts: NewContactRow[] = [];
  let metadata: Metadata[] = [];
  let rejected: RejectedRow[] = [];
  const batch = (): PreparedBatch => {
    const prepared = { contacts: insertableContacts(contacts, metadata, { metadataIndex }), rejected };
    contacts = [];
    metadata = [];
    rejected = [];
    return prepared;
  };
  for await (const row of rows) {
    const prepared = preparedRow(row, workspaceId, chatbots);
    if ("reason" in prepared) {
      rejected.push(prepared);
      continue;
    }
    contacts.push(prepared.contact);
    metadata.push(prepared.metadata);
    if (contacts.length >= size) yield batch();
  }
  if (contacts.length > 0 || rejected.length > 0) yield batch();
}
