import { sql, type Kysely } from "kysely";

// PostgreSQL sorts text in the database's collation, so on an en_US cluster `Zoe` would come after
// `adam` while SQLite puts it first. Names, emails and ids now sort in byte order ("C") on both
// backends (StorageDialect.byteOrder); these indexes serve exactly those ORDER BYs. A "C" column
// collation would do the same but break ILIKE for non-ASCII letters.
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect !== "postgres") return;
  for (const index of ["contacts_created", "contacts_chatbot_created", "contacts_name_asc", "contacts_name_desc", "contacts_email_asc", "contacts_email_desc"]) {
    await sql`drop index ${sql.raw(index)}`.execute(db);
  }
  await sql`create index contacts_created on contacts (workspace_id, created_at, id collate "C")`.execute(db);
  await sql`create index contacts_chatbot_created on contacts (workspace_id, chatbot_id, created_at, id collate "C")`.execute(db);
  for (const field of ["name", "email"] as const) {
    await sql`create index ${sql.raw(`contacts_${field}_asc`)} on contacts
      (workspace_id, (${sql.ref(field)} is null), ${sql.ref(field)} collate "C", id collate "C")`.execute(db);
    await sql`create index ${sql.raw(`contacts_${field}_desc`)} on contacts
      (workspace_id, (${sql.ref(field)} is null), ${sql.ref(field)} collate "C" desc, id collate "C" desc)`.execute(db);
  }
}
