import { sql, type Kysely } from "kysely";

// PostgreSQL: counting a common term's matches in contact_search still rechecked every candidate
// row (measured at 1M contacts, `gmail`: 81,000 matches on all 15,200 heap pages, 55 ms with the
// table in shared buffers, 160–190 ms when it is read again). Nearly all of those matches are in an
// email's domain, which thousands of contacts share.
//
// So each contact's folded text is kept in two parts: the domain (after the email's last `@`) and
// the rest (name, a line feed, the email up to and including that `@`). Rest followed by domain is
// exactly the folded name and email joined by the line feed. contact_search_domains counts the
// workspace's contacts per domain, so a term found in a domain counts all its contacts at once;
// only contacts whose rest holds the term are checked one by one (lib/contacts/search/postgres-search-count.ts).
//
// The counts are kept by the same statement-level triggers as the rows, in the same transaction;
// an upsert takes its row's lock, so concurrent writers add up exactly. Each domain's count is
// split in shards by the last character of the contact's id (random), so that writers adding
// contacts of one domain (all at gmail.com) seldom wait for each other's commit; a count sums them.
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect !== "postgres") return;
  await sql`drop trigger contact_search_insert on contacts`.execute(db);
  await sql`drop trigger contact_search_delete on contacts`.execute(db);
  await sql`drop trigger contact_search_update on contacts`.execute(db);
  await sql`drop trigger contact_search_truncate on contacts`.execute(db);
  await sql`drop function contact_search_insert(), contact_search_delete(), contact_search_update(), contact_search_truncate()`.execute(db);
  await sql`drop table contact_search`.execute(db);

  // lower() of the whole email before it is split, so that rest || domain is lower(email) exactly.
  await sql`create function contact_search_domain(email text) returns text language sql immutable parallel safe
    return substring(lower(email), '@([^@]*)$')`.execute(db);
  await sql`create function contact_search_rest(name text, email text) returns text language sql immutable parallel safe
    return coalesce(lower(name), '') || E'\n'
      || coalesce(left(lower(email), length(lower(email)) - coalesce(length(contact_search_domain(email)), 0)), '')`.execute(db);

  await sql`create table contact_search (
    workspace_id text not null,
    id text not null,
    folded_rest text not null,
    folded_domain text,
    constraint contact_search_pkey primary key (workspace_id, id)
  )`.execute(db);
  await sql`insert into contact_search (workspace_id, id, folded_rest, folded_domain)
    select workspace_id, id, contact_search_rest(name, email), contact_search_domain(email) from contacts`.execute(db);
  await sql`create index contact_search_rest_trgm on contact_search using gin (folded_rest gin_trgm_ops)`.execute(db);
  await sql`analyze contact_search`.execute(db);

  await sql`create table contact_search_domains (
    workspace_id text not null,
    folded_domain text not null,
    shard smallint not null,
    contacts bigint not null,
    constraint contact_search_domains_pkey primary key (workspace_id, folded_domain, shard)
  )`.execute(db);
  await sql`create function contact_search_shard(id text) returns smallint language sql immutable parallel safe
    return ascii(right(id, 1)) % 16`.execute(db);
  await sql`insert into contact_search_domains (workspace_id, folded_domain, shard, contacts)
    select workspace_id, folded_domain, contact_search_shard(id), count(*) from contact_search where folded_domain is not null group by 1, 2, 3`.execute(db);
  // A workspace has a count per domain and shard (30,000 rows at 1M demo contacts): reading them all took 5 ms.
  await sql`create index contact_search_domains_trgm on contact_search_domains using gin (folded_domain gin_trgm_ops)`.execute(db);
  await sql`analyze contact_search_domains`.execute(db);

  // Adds each `change` to its count, summed first (an update that keeps the domain gives -1 and +1);
  // in key order, so that statements touching the same counts lock them in the same order.
  await sql`create function contact_search_count_domains(changes jsonb) returns void language sql as $$
    insert into contact_search_domains as d (workspace_id, folded_domain, shard, contacts)
      select workspace_id, folded_domain, shard, sum(change)
      from jsonb_to_recordset(changes) as c(workspace_id text, folded_domain text, shard smallint, change bigint)
      where folded_domain is not null
      group by workspace_id, folded_domain, shard having sum(change) <> 0
      order by workspace_id, folded_domain, shard
    on conflict (workspace_id, folded_domain, shard) do update set contacts = d.contacts + excluded.contacts
  $$`.execute(db);

  await sql`create function contact_search_insert() returns trigger language plpgsql as $$
    begin
      insert into contact_search (workspace_id, id, folded_rest, folded_domain)
        select workspace_id, id, contact_search_rest(name, email), contact_search_domain(email) from new_contacts;
      perform contact_search_count_domains((select jsonb_agg(c) from (
        select workspace_id, contact_search_domain(email) as folded_domain, contact_search_shard(id) as shard, count(*) as change
        from new_contacts group by 1, 2, 3) c));
      return null;
    end $$`.execute(db);
  await sql`create trigger contact_search_insert after insert on contacts
    referencing new table as new_contacts for each statement execute function contact_search_insert()`.execute(db);

  await sql`create function contact_search_delete() returns trigger language plpgsql as $$
    begin
      delete from contact_search s using old_contacts o where s.workspace_id = o.workspace_id and s.id = o.id;
      perform contact_search_count_domains((select jsonb_agg(c) from (
        select workspace_id, contact_search_domain(email) as folded_domain, contact_search_shard(id) as shard, -count(*) as change
        from old_contacts group by 1, 2, 3) c));
      return null;
    end $$`.execute(db);
  await sql`create trigger contact_search_delete after delete on contacts
    referencing old table as old_contacts for each statement execute function contact_search_delete()`.execute(db);

  // Per row, and only when a searched column changes: a metadata patch never touches contact_search.
  await sql`create function contact_search_update() returns trigger language plpgsql as $$
    begin
      update contact_search set folded_rest = contact_search_rest(new.name, new.email), folded_domain = contact_search_domain(new.email)
        where workspace_id = new.workspace_id and id = new.id;
      perform contact_search_count_domains(jsonb_build_array(
        jsonb_build_object('workspace_id', old.workspace_id, 'folded_domain', contact_search_domain(old.email), 'shard', contact_search_shard(old.id), 'change', -1),
        jsonb_build_object('workspace_id', new.workspace_id, 'folded_domain', contact_search_domain(new.email), 'shard', contact_search_shard(new.id), 'change', 1)));
      return null;
    end $$`.execute(db);
  await sql`create trigger contact_search_update after update of name, email on contacts for each row
    when (old.name is distinct from new.name or old.email is distinct from new.email)
    execute function contact_search_update()`.execute(db);

  await sql`create function contact_search_truncate() returns trigger language plpgsql as $$
    begin
      truncate contact_search, contact_search_domains;
      return null;
    end $$`.execute(db);
  await sql`create trigger contact_search_truncate after truncate on contacts
    for each statement execute function contact_search_truncate()`.execute(db);
}
