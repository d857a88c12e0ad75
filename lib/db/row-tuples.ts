// Rows as arrays of their values in one shared column order. An import's batches cross from the
// preparing thread to the writing one in this form: posting 1M contacts as objects took about 2 s
// to receive and another 2 s to bind (every row's every column looked up by name), as arrays about
// 1 s and 0.4 s. The writers bind a statement's values straight from the arrays.

/** Rows of any table as tuples: what the storage layer writes. */
export interface AnyRowTuples {
  columns: readonly string[];
  /** One array per row, its values in the order of `columns` (null for a missing value). */
  values: unknown[][];
}

/** Rows of one kind as tuples. */
export interface RowTuples<Row extends object> extends AnyRowTuples {
  columns: readonly (keyof Row & string)[];
}

/** `rows` as tuples of `columns`. */
export function toRowTuples<Row extends object>(rows: readonly Row[], columns: readonly (keyof Row & string)[]): RowTuples<Row> {
  return { columns, values: rows.map((row) => columns.map((column) => row[column] ?? null)) };
}

/** The values of a run of tuples in one flat array, as a multi-row statement binds them. */
export function flatValues(tuples: readonly unknown[][], width: number): unknown[] {
  const flat = new Array<unknown>(tuples.length * width);
  let next = 0;
  for (const tuple of tuples) for (let i = 0; i < width; i++) flat[next++] = tuple[i];
  return flat;
}
