import type SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { Db } from "../../db/client";
import type { InsertedRowids } from "../../db/sqlite/insert-rows-unbuilt";
import { metadataIndexEntriesJson } from "../metadata-fold";
import { PLACES_PER_CONTACT } from "./sqlite-metadata-rows";

// In a bulk load into empty tables, SQLite builds the loaded contacts' metadata index entries
// (contact_metadata) from the contacts themselves, after each statement that inserts them, instead
// of receiving them from the application with each batch: 2.5M rows at 1M contacts, each cloned
// from the import's worker thread and bound as parameters. After each statement rather than in one
// pass at the end: the inserts wait for that worker, and this is done while they wait (measured at
// 1M contacts: 42.3 and 42.9 s, against 44.3 and 44.6 s with the pass at the end).
//
// Most metadata folds in plain SQL: when a contact's metadata JSON is printable ASCII without a
// backslash (no escapes), every key is stored as it is, and every text value folds to its ASCII
// lower case (NFKD leaves such text as it is and has no marks to remove), which SQLite's `lower`
// gives; numbers and booleans keep their JSON text, which `->` returns as the metadata spells it
// (JSON.stringify wrote it). Any other metadata goes through the application's own fold, as an SQL
// function (metadataIndexEntriesJson). Each entry goes to its place in its contact's range of the
// table (sqlite-metadata-rows.ts), in the order of the contact's metadata: json_each numbers its
// rows 0, 1, … as their rowids (a window's row_number cost 2.8 s more at 1M contacts).

const ENTRIES_FUNCTION = "nexvio_metadata_index_entries";

/** Lets this connection run indexMetadataOfInsertedContacts. */
export function registerMetadataIndexFunction(sqlite: SQLite.Database): void {
  sqlite.function(ENTRIES_FUNCTION, { deterministic: true }, metadataIndexEntriesJson);
}

/** Writes the metadata index entries of the contacts one statement inserted, which have none yet. */
export async function indexMetadataOfInsertedContacts(db: Db, { first, last }: InsertedRowids): Promise<void> {
  // One pass over those contacts: plain metadata's own keys and values, or the application's pairs
  // (JSON arrays, which no metadata value is).
  const plainAscii = sql`contacts.metadata not glob '*[^ -~]*' and instr(contacts.metadata, '\\') = 0`;
  await sql`
    insert into contact_metadata (slot, workspace_id, contact_id, key, folded_value)
    select contacts.seq * ${sql.lit(PLACES_PER_CONTACT)} + entry.rowid,
      contacts.workspace_id, contacts.id,
      case when entry.type = 'array' then entry.value ->> 0 else entry.key end,
      case
        when entry.type = 'array' then entry.value ->> 1
        when entry.type = 'text' then lower(entry.value)
        else contacts.metadata -> entry.fullkey
      end
    from contacts,
      json_each(case when ${plainAscii} then contacts.metadata else ${sql.raw(ENTRIES_FUNCTION)}(contacts.metadata) end) as entry
    where contacts.seq between ${first} and ${last}`.execute(db);
}
