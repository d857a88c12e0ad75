import { sql, type Kysely } from "kysely";

// Names and emails sort the way people read them (CONTRACT.md, Listing contacts): by the text
// after Unicode NFKD with combining marks removed, lower-cased; values that fold alike by the
// stored text; then by id. Neither backend can fold text the same way (SQLite has no Unicode
// normalization at all), so the folded key is computed by the application when a contact is
// written (lib/contacts/sort-key.ts) and kept beside the value; the sort indexes lead with it.
// The fold is written out here again, frozen like the rest of the migration.

const fold = (text: string | null) => (text === null ? null : text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase());

const BATCH = 2_000;

interface Row {
  workspace_id: string;
  id: string;
  name: string | null;
  email: string | null;
}

export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  await sql`alter table contacts add column name_sort_key text`.execute(db);
  await sql`alter table contacts add column email_sort_key text`.execute(db);

  // Existing contacts, in batches of the table's key order.
  let after: Row | undefined;
  for (;;) {
    const { rows }: { rows: Row[] } = after
      ? await sql<Row>`select workspace_id, id, name, email from contacts
          where (workspace_id, id) > (${after.workspace_id}, ${after.id}) order by workspace_id, id limit ${BATCH}`.execute(db)
      : await sql<Row>`select workspace_id, id, name, email from contacts order by workspace_id, id limit ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.name === null && row.email === null) continue;
      await sql`update contacts set name_sort_key = ${fold(row.name)}, email_sort_key = ${fold(row.email)}
        where workspace_id = ${row.workspace_id} and id = ${row.id}`.execute(db);
    }
    after = rows[rows.length - 1];
  }

  // `(key is null)` first puts contacts without the value last in both orders; the stored text
  // orders values that fold alike, then the id.
  const byteOrder = dialect === "postgres" ? sql.raw(` collate "C"`) : sql.raw("");
  for (const field of ["name", "email"] as const) {
    const key = sql.ref(`${field}_sort_key`);
    const value = sql.ref(field);
    await sql`drop index ${sql.raw(`contacts_${field}_asc`)}`.execute(db);
    await sql`drop index ${sql.raw(`contacts_${field}_desc`)}`.execute(db);
    await sql`create index ${sql.raw(`contacts_${field}_asc`)} on contacts
      (workspace_id, (${key} is null), ${key}${byteOrder}, ${value}${byteOrder}, id${byteOrder})`.execute(db);
    await sql`create index ${sql.raw(`contacts_${field}_desc`)} on contacts
      (workspace_id, (${key} is null), ${key}${byteOrder} desc, ${value}${byteOrder} desc, id${byteOrder} desc)`.execute(db);
  }
}
