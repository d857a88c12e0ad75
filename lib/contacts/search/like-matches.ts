import { sql, type RawBuilder, type SqlBool } from "kysely";

export function escapeLikePattern(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** `name` or `email` of `table` contains one of the spellings, compared with `like` or `ilike`. */
export function likeMatches(like: "like" | "ilike", table: string, spellings: readonly string[]): RawBuilder<SqlBool> {
  return sql.join(
    spellings.flatMap((spelling) => {
      const pattern = `%${escapeLikePattern(spelling)}%`;
      return [
        sql`${sql.ref(`${table}.name`)} ${sql.raw(like)} ${pattern} escape '\\'`,
        sql`${sql.ref(`${table}.email`)} ${sql.raw(like)} ${pattern} escape '\\'`,
      ];
    }),
    sql` or `,
  );
}
