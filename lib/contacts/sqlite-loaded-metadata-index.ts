import type SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { Db } from "../db/client";
import { metadataIndexEntriesJson } from "./metadata-fold";

// After a bulk load into empty tables, SQLite builds every loaded contact's metadata index entries
// (contact_metadata) in one statement from the contacts themselves, instead of receiving them from
// the application with each batch: 2.5M rows at 1M contacts, each cloned from the import's worker
// thread, bound as parameters and inserted one statement at a time.
//
// Most metadata folds in plain SQL: when a contact's metadata JSON is printable ASCII without a
// backslash (no escapes), every key is stored as it is, and every text value folds to its ASCII
// lower case (NFKD leaves such text as it is and has no marks to remove), which SQLite's `lower`
// gives; numbers and booleans keep their JSON text, which `->` returns as the metadata spells it
// (JSON.stringify wrote it). Any other metadata goes through the application's own fold, as an SQL
// function (metadataIndexEntriesJson).

const ENTRIES_FUNCTION = "nexvio_metadata_index_entries";

/** Lets this connection run indexMetadataOfLoadedContacts. */
export function registerMetadataIndexFunction(sqlite: SQLite.Database): void {
  sqlite.function(ENTRIES_FUNCTION, { deterministic: true }, metadataIndexEntriesJson);
}

/** Writes the metadata index entries of every contact; contact_metadata must have none yet. */
export async function indexMetadataOfLoadedContacts(db: Db): Promise<void> {
  // One pass over the contacts: plain metadata's own keys and values, or the application's pairs
  // (JSON arrays, which no metadata value is).
  const plainAscii = sql`contacts.metadata not glob '*[^ -~]*' and instr(contacts.metadata, '\\') = 0`;
  await sql`
    insert into contact_metadata (workspace_id, contact_id, key, folded_value)
    select contacts.workspace_id, contacts.id,
      case when entry.type = 'array' then entry.value ->> 0 else entry.key end,
      case
        when entry.type = 'array' then entry.value ->> 1
        when entry.type = 'text' then lower(entry.value)
        else contacts.metadata -> entry.fullkey
      end
    from contacts,
      json_each(case when ${plainAscii} then contacts.metadata else ${sql.raw(ENTRIES_FUNCTION)}(contacts.metadata) end) as entry`.execute(db);
}
