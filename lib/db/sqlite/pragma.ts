import { sql } from "kysely";
import type { Db } from "../client";

/** Runs `pragma <statement>` through Kysely (so under the session's lock); the rows it answers. */
export async function pragmaRows(db: Db, statement: string): Promise<Record<string, unknown>[]> {
  return (await sql<Record<string, unknown>>`pragma ${sql.raw(statement)}`.execute(db)).rows;
}

/** The value a pragma answers (its first row's first column): as read, or as set by `name = value`. */
export async function pragmaValue(db: Db, statement: string): Promise<unknown> {
  const [row] = await pragmaRows(db, statement);
  return row === undefined ? undefined : Object.values(row)[0];
}
