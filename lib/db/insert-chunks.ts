// Multi-row INSERTs are the fast way to load many rows, but one statement may bind only so many
// parameters (SQLite: 32,766; PostgreSQL: 65,535). This splits rows into statements that fit both.
const PARAMETERS_PER_STATEMENT = 30_000;

export function insertChunks<T extends object>(rows: readonly T[]): T[][] {
  if (rows.length === 0) return [];
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Object.keys(rows[0]).length));
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
}
