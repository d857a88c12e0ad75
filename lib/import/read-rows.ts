import fs from "node:fs";
import readline from "node:readline";
import { parse } from "csv-parse";
import { importContactSchema } from "./import-schema";
import { emptyMetadata } from "../validation/metadata";

// Rows of an import file, each with the line it starts on, as plain objects in the API's create
// shape. A row that cannot even be read (bad JSON) carries the reason instead.

export type SourceRow = { line: number; value: unknown } | { line: number; unreadable: string };
export type ImportFormat = "ndjson" | "csv";

export function formatOf(file: string): ImportFormat | undefined {
  if (/\.(nd)?jsonl?$/i.test(file)) return "ndjson";
  if (/\.csv$/i.test(file)) return "csv";
  return undefined;
}

type OnBytes = (bytesRead: number) => void;
const PROGRESS_EVERY_ROWS = 1_000;

/**
 * The rows of `file`. Progress is reported from the rows as they are read: a "data" listener on
 * the file stream would start it flowing before the reader is attached, and lose the first chunks.
 */
export function readRows(file: string, format: ImportFormat, onBytes: OnBytes = () => {}): AsyncIterable<SourceRow> {
  const input = fs.createReadStream(file);
  return format === "ndjson" ? readNdjson(input, onBytes) : readCsv(input, onBytes);
}

async function* readNdjson(input: fs.ReadStream, onBytes: OnBytes): AsyncIterable<SourceRow> {
  let line = 0;
  for await (const text of readline.createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    if (line % PROGRESS_EVERY_ROWS === 0) onBytes(input.bytesRead);
    if (text.trim() === "") continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch (error) {
      yield { line, unreadable: `Not valid JSON (${(error as Error).message})` };
    }
  }
}

// A body's fields, each a column of its own; metadata comes in `metadata.<key>` columns instead.
const CONTACT_COLUMNS = new Set(Object.keys(importContactSchema.shape).filter((field) => field !== "metadata"));
const METADATA_PREFIX = "metadata.";

/**
 * CSV cells are text. For metadata, `true`/`false` become booleans and numbers written the way
 * JavaScript writes them become numbers; anything else ("02134", "1e3", "") stays as written.
 */
function metadataValue(cell: string): string | number | boolean {
  if (cell === "true" || cell === "false") return cell === "true";
  const number = Number(cell);
  return cell.trim() !== "" && String(number) === cell ? number : cell;
}

async function* readCsv(input: fs.ReadStream, onBytes: OnBytes): AsyncIterable<SourceRow> {
  const parser = input.pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, skip_records_with_error: true, info: true }),
  );
  // A malformed record (wrong number of cells, a broken quote) is skipped by the parser, which
  // says so with a "skip" event; the rows around it are read on.
  const skipped: SourceRow[] = [];
  parser.on("skip", (error: Error & { lines?: number }) => {
    skipped.push({ line: error.lines ?? 0, unreadable: `Not valid CSV: ${error.message}` });
  });
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield* skipped.splice(0);
    if (info.lines % PROGRESS_EVERY_ROWS === 0) onBytes(input.bytesRead);
    yield { line: info.lines, value: csvRecordToContact(record) };
  }
  yield* skipped.splice(0);
}

function csvRecordToContact(record: Record<string, string>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const metadata = emptyMetadata<unknown>();
  for (const [column, cell] of Object.entries(record)) {
    if (column.startsWith(METADATA_PREFIX)) {
      if (cell !== "") metadata[column.slice(METADATA_PREFIX.length)] = metadataValue(cell);
    } else if (CONTACT_COLUMNS.has(column)) {
      if (cell !== "") value[column] = cell;
    } else {
      value[column] = cell; // rejected by the schema as an unknown field, with its name
    }
  }
  if (Object.keys(metadata).length > 0) value.metadata = metadata;
  return value;
}
