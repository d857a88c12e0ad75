import { sql } from "kysely";
import type { Db } from "../client";
import type { BulkRow, BulkTable } from "../storage-dialect";

const POSTGRES_ROWS_PER_STATEMENT = 5_000;

/**
 * PostgreSQL: one `insert … select * from unnest(…)` per 5,000 rows, binding one array per column
 * instead of one parameter per value (measured ~30% faster than multi-row VALUES).
 */
export async function insertWithUnnest(db: Db, table: BulkTable, rows: readonly BulkRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]) as (keyof BulkRow)[];
  const arrayType = (column: keyof BulkRow) =>
    rows.some((row) => typeof row[column] === "number") ? sql.raw("integer[]") : sql.raw("text[]");
  for (let start = 0; start < rows.length; start += POSTGRES_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + POSTGRES_ROWS_PER_STATEMENT);
    const arrays = columns.map((column) => sql`${chunk.map((row) => row[column] ?? null)}::${arrayType(column)}`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
      select * from unnest(${sql.join(arrays)})`.execute(db);
  }
}
