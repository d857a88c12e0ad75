import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { Database } from "./schema";

// The one place where SQLite and PostgreSQL differ. Repositories ask this module for the few
// expressions that cannot be written once; everything else is plain Kysely.

export type DialectName = "sqlite" | "postgres";

/** Shortest search term served by the trigram index; shorter terms fall back to a scan. */
export const TRIGRAM_MIN_LENGTH = 3;

export function escapeLikePattern(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * SQLite's LIKE folds ASCII letters only, so a term too short for the trigram index is also tried
 * with each non-ASCII letter in its other case: `ån` then finds `Ångström` as `ång` does.
 */
function sqliteCaseVariants(term: string): string[] {
  let variants = [""];
  for (const char of term) {
    const forms =
      (char.codePointAt(0) ?? 0) < 0x80
        ? [char]
        : [...new Set([char, char.toLowerCase(), char.toUpperCase()])].filter((form) => [...form].length === 1);
    variants = variants.flatMap((prefix) => forms.map((form) => prefix + form));
  }
  return variants;
}

/** Case-insensitive substring match of `term` on a contact's name or email. */
export function contactSearchCondition(
  dialect: DialectName,
  eb: ExpressionBuilder<Database, "contacts">,
  term: string,
): Expression<SqlBool> {
  if (dialect === "sqlite" && [...term].length >= TRIGRAM_MIN_LENGTH) {
    // An FTS5 phrase of trigrams is an exact substring match; `%`, `_` and `\` have no meaning in it.
    const phrase = `"${term.replace(/"/g, '""')}"`;
    return sql<SqlBool>`contacts.seq in (select rowid from contacts_search where contacts_search match ${phrase})`;
  }
  const like = dialect === "postgres" ? sql.raw("ilike") : sql.raw("like");
  const spellings = dialect === "sqlite" ? sqliteCaseVariants(term) : [term];
  return eb.or(
    spellings.flatMap((spelling) => {
      const pattern = `%${escapeLikePattern(spelling)}%`;
      return [
        sql<SqlBool>`contacts.name ${like} ${pattern} escape '\\'`,
        sql<SqlBool>`contacts.email ${like} ${pattern} escape '\\'`,
      ];
    }),
  );
}

/** Creates the contacts table with the dialect's key layout, then the search index behind it. */
export async function createContactsTable(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const columns = db.schema
    .createTable("contacts")
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("id", "text", (col) => col.notNull())
    .addColumn("chatbot_id", "text", (col) => col.notNull())
    .addColumn("name", "text")
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("metadata", "text", (col) => col.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addForeignKeyConstraint("contacts_chatbot_fkey", ["workspace_id", "chatbot_id"], "chatbots", ["workspace_id", "id"]);
  // SQLite gets an integer primary key as the full-text index's stable row id; PostgreSQL keys by
  // (workspace_id, id) so that it can be sharded by workspace.
  const table =
    dialect === "sqlite"
      ? columns
          .addColumn("seq", "integer", (col) => col.primaryKey())
          .addUniqueConstraint("contacts_workspace_id_id_key", ["workspace_id", "id"])
      : columns.addPrimaryKeyConstraint("contacts_pkey", ["workspace_id", "id"]);
  await table.execute();

  if (dialect === "sqlite") {
    await sql`create virtual table contacts_search using fts5(
      name, email, content='contacts', content_rowid='seq', tokenize='trigram')`.execute(db);
    await sql`create trigger contacts_search_insert after insert on contacts begin
      insert into contacts_search(rowid, name, email) values (new.seq, new.name, new.email);
    end`.execute(db);
    await sql`create trigger contacts_search_delete after delete on contacts begin
      insert into contacts_search(contacts_search, rowid, name, email) values ('delete', old.seq, old.name, old.email);
    end`.execute(db);
    await sql`create trigger contacts_search_update after update of name, email on contacts begin
      insert into contacts_search(contacts_search, rowid, name, email) values ('delete', old.seq, old.name, old.email);
      insert into contacts_search(rowid, name, email) values (new.seq, new.name, new.email);
    end`.execute(db);
  } else {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index contacts_name_trgm on contacts using gin (name gin_trgm_ops)`.execute(db);
    await sql`create index contacts_email_trgm on contacts using gin (email gin_trgm_ops)`.execute(db);
  }
}
