import { CompiledQuery } from "kysely";
import type { Db } from "../client";
import { insertChunks } from "../insert-chunks";
import { flatValues, toRowTuples, type AnyRowTuples } from "../row-tuples";
import type { BulkRow, BulkTable } from "../storage-dialect";

const placeholders = (count: number) => `(${Array.from({ length: count }, () => "?").join(", ")})`;

/**
 * Whether every row gives the first row's columns, in the same order, none of them undefined: what
 * insertRowsUnbuilt writes as given (Kysely leaves an undefined value's column to its default).
 */
export function sameColumns(rows: readonly BulkRow[]): boolean {
  const columns = Object.keys(rows[0] ?? {}).join();
  return rows.every((row) => Object.keys(row).join() === columns && !Object.values(row).some((value) => value === undefined));
}

/** The rowids a chunk's statement gave its rows: consecutive, as SQLite numbers the rows of one INSERT into a table without gaps. */
export interface InsertedRowids {
  first: bigint;
  last: bigint;
}

/**
 * How a statement meets a row that breaks a constraint: `abort` undoes the statement's earlier rows,
 * for which SQLite first copies every page the statement touches to a statement journal; `fail`
 * keeps them and copies nothing, for a bulk load whose transaction is undone on any failure
 * (lib/db/sqlite/bulk-load-settings.ts).
 */
export type OnConstraintFailure = "abort" | "fail";

interface UnbuiltInsertOptions {
  afterChunk?: (rowids: InsertedRowids) => Promise<void>;
  onConstraintFailure?: OnConstraintFailure;
}

/**
 * SQLite: multi-row INSERTs written as plain text and bound from one flat array, instead of
 * built by Kysely (which walks every value of every row: about 5 s of a 1M-row import). A chunk's
 * text depends only on its size (insertChunks), so the cached statement (cacheStatements) is reused.
 */
export async function insertTuplesUnbuilt(
  db: Db,
  table: BulkTable,
  { columns, values }: AnyRowTuples,
  { afterChunk, onConstraintFailure = "abort" }: UnbuiltInsertOptions = {},
): Promise<void> {
  const into = `insert or ${onConstraintFailure} into "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) values `;
  const row = placeholders(columns.length);
  for (const chunk of insertChunks(values, columns.length)) {
    const statement = into + Array.from({ length: chunk.length }, () => row).join(", ");
    const result = await db.executeQuery(CompiledQuery.raw(statement, flatValues(chunk, columns.length)));
    if (afterChunk) await afterChunk(rowidsOf(result.insertId!, chunk.length));
  }
}

/** insertTuplesUnbuilt for rows given as objects, each with the first row's columns. */
export async function insertRowsUnbuilt(db: Db, table: BulkTable, rows: readonly BulkRow[], options?: UnbuiltInsertOptions): Promise<void> {
  if (rows.length === 0) return;
  await insertTuplesUnbuilt(db, table, toRowTuples(rows, Object.keys(rows[0]) as (keyof BulkRow)[]), options);
}

const rowidsOf = (lastRowid: bigint, rows: number): InsertedRowids => ({ first: lastRowid - BigInt(rows) + 1n, last: lastRowid });

/**
 * Inserts rows in as few statements as the parameter limit allows: as text (insertRowsUnbuilt) when
 * they agree on their columns, the usual case; through Kysely otherwise, which leaves a column a row
 * does not give to its default. `afterChunk` gets each statement's rowids.
 */
export async function insertRowsInChunks(
  db: Db,
  table: BulkTable,
  rows: readonly BulkRow[],
  afterChunk?: (rowids: InsertedRowids) => Promise<void>,
): Promise<void> {
  if (sameColumns(rows)) return insertRowsUnbuilt(db, table, rows, { afterChunk });
  for (const chunk of insertChunks(rows, Object.keys(rows[0]).length)) {
    const { insertId } = await db.insertInto(table).values(chunk as never).executeTakeFirstOrThrow();
    if (afterChunk) await afterChunk(rowidsOf(insertId!, chunk.length));
  }
}
