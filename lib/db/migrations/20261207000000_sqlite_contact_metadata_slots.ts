import { sql, type Kysely } from "kysely";

// SQLite: each contact's metadata index entries become one range of contact_metadata, found without
// an index on the contact (lib/contacts/metadata-index/sqlite-metadata-rows.ts). An entry's rowid,
// named `slot` (an INTEGER PRIMARY KEY, which VACUUM keeps as it is), is the contact's seq × 64 plus
// the entry's place among the contact's entries (a contact has at most 50 keys). The table is
// written again in that order and contact_metadata_contact goes. PostgreSQL keeps its table and
// that index.
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect !== "sqlite") return;
  await sql`create table contact_metadata_slotted (
    slot integer primary key,
    workspace_id text not null,
    contact_id text not null,
    key text not null,
    folded_value text not null)`.execute(db);
  await sql`insert into contact_metadata_slotted (slot, workspace_id, contact_id, key, folded_value)
    select contacts.seq * 64 + row_number() over (partition by contacts.seq order by entry.rowid) - 1,
      entry.workspace_id, entry.contact_id, entry.key, entry.folded_value
    from contact_metadata as entry
    join contacts on contacts.workspace_id = entry.workspace_id and contacts.id = entry.contact_id
    order by 1`.execute(db);
  await sql`drop table contact_metadata`.execute(db);
  await sql`alter table contact_metadata_slotted rename to contact_metadata`.execute(db);
  await sql`create index contact_metadata_key_value on contact_metadata (workspace_id, key, substr(folded_value, 1, 200))`.execute(db);
}
