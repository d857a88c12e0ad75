// Multi-row INSERTs are the fast way to load many rows, but one statement may bind only so many
// parameters (SQLite: 32,766). This splits rows into statements that fit.
const PARAMETERS_PER_STATEMENT = 30_000;

/**
 * Full chunks, then the rest in chunks of descending powers of two (4,321 rows: 4,096, 128, 64, 32
 * and 1). Each chunk size is a statement text of its own, prepared once and then taken from the
 * statement cache: a rest of any other size would be a new text to parse each time (an import's
 * metadata rows, whose count varies from batch to batch, spent 1.2 s of 1M contacts preparing them).
 */
export function insertChunks<T>(rows: readonly T[], columnsPerRow: number): T[][] {
  if (rows.length === 0) return [];
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columnsPerRow));
  const chunks: T[][] = [];
  let start = 0;
  for (; rows.length - start >= size; start += size) chunks.push(rows.slice(start, start + size));
  for (let power = 2 ** Math.floor(Math.log2(size)); start < rows.length; power /= 2) {
    if (rows.length - start >= power) {
      chunks.push(rows.slice(start, start + power));
      start += power;
    }
  }
  return chunks;
}
