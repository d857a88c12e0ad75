import { sql, type RawBuilder } from "kysely";

/**
 * A LIMIT written into the SQL instead of passed as a parameter. SQLite (3.54) plans `LIMIT ?` for
 * the value bound at the time and marks the statement to be compiled again whenever that parameter
 * is bound anew; better-sqlite3 binds every call's values afresh, so such a statement was parsed and
 * planned on every run (4 % of a list request's CPU under perf). Written out, it is planned once per
 * value: the statement cache holds one per page size. Only whole numbers pass.
 */
export function literalLimit(limit: number): RawBuilder<number> {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`A LIMIT must be a whole number, not ${limit}`);
  return sql.lit(limit);
}
