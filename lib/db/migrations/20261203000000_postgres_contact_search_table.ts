import { sql, type Kysely } from "kysely";

// PostgreSQL: counting a common term's matches rechecked every trigram candidate in the wide
// contacts table (measured at 1M contacts: 82,000 candidates on 31,000 heap pages, about 800 ms),
// and a term too short for trigrams evaluated ILIKE on every contact.
//
// contact_search holds only what a search reads: name and email folded with lower(), which is
// what ILIKE does to both sides in a UTF-8 database, so `lower(x) like lower(pattern)` matches
// exactly what `x ilike pattern` does without folding every row at query time. Its own trigram
// indexes make the recheck and the count read a narrow heap.
//
// Triggers keep it in the same transaction as every write to contacts, whichever path makes it;
// inserts and deletes enter it once per statement (a bulk load would pay a function call per row).
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect !== "postgres") return;
  await sql`create table contact_search (
    workspace_id text not null,
    id text not null,
    folded_name text,
    folded_email text,
    constraint contact_search_pkey primary key (workspace_id, id)
  )`.execute(db);
  await sql`insert into contact_search (workspace_id, id, folded_name, folded_email)
    select workspace_id, id, lower(name), lower(email) from contacts`.execute(db);
  await sql`create index contact_search_name_trgm on contact_search using gin (folded_name gin_trgm_ops)`.execute(db);
  await sql`create index contact_search_email_trgm on contact_search using gin (folded_email gin_trgm_ops)`.execute(db);
  await sql`analyze contact_search`.execute(db);

  await sql`create function contact_search_insert() returns trigger language plpgsql as $$
    begin
      insert into contact_search (workspace_id, id, folded_name, folded_email)
        select workspace_id, id, lower(name), lower(email) from new_contacts;
      return null;
    end $$`.execute(db);
  await sql`create trigger contact_search_insert after insert on contacts
    referencing new table as new_contacts for each statement execute function contact_search_insert()`.execute(db);

  await sql`create function contact_search_delete() returns trigger language plpgsql as $$
    begin
      delete from contact_search s using old_contacts o where s.workspace_id = o.workspace_id and s.id = o.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger contact_search_delete after delete on contacts
    referencing old table as old_contacts for each statement execute function contact_search_delete()`.execute(db);

  // Per row, and only when a searched column changes: a metadata patch never touches contact_search.
  await sql`create function contact_search_update() returns trigger language plpgsql as $$
    begin
      update contact_search set folded_name = lower(new.name), folded_email = lower(new.email)
        where workspace_id = new.workspace_id and id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger contact_search_update after update of name, email on contacts for each row
    when (old.name is distinct from new.name or old.email is distinct from new.email)
    execute function contact_search_update()`.execute(db);

  await sql`create function contact_search_truncate() returns trigger language plpgsql as $$
    begin
      truncate contact_search;
      return null;
    end $$`.execute(db);
  await sql`create trigger contact_search_truncate after truncate on contacts
    for each statement execute function contact_search_truncate()`.execute(db);
}
