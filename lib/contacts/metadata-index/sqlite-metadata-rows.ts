import { CompiledQuery } from "kysely";
import type { Store } from "../../db/client";
import { insertChunks } from "../../db/insert-chunks";
import { flatValues } from "../../db/row-tuples";
import type { ContactMetadataRows } from "./metadata-rows";

// SQLite keeps each contact's entries in one range of the table: an entry's rowid (the `slot`
// column, migration 20261207000000) is the contact's own rowid in contacts (`seq`) × 64 plus the
// entry's place, 0–63 (a contact has at most 50 keys: lib/validation/metadata.ts). So a contact's
// entries are found by that range and written beside each other, with no index on the contact:
// a bulk load no longer builds one, and a contact's first PATCH no longer splits one of its leaves,
// which the build packs full (docs/benchmarks.md, twenty-second round).

export const PLACES_PER_CONTACT = 64;

const FIRST_SLOT = `(select seq * ${PLACES_PER_CONTACT} from contacts where workspace_id = +? and id = +?)`;
// `slot` is the rowid, so the range is a seek in the table itself. `+column`: a term on the bare
// column could lead SQLite to the (workspace, key) index instead, every entry of the workspace.
// `= +?`, as everywhere on SQLite (lib/db/sqlite-dialect.ts): a statement not planned again on each run.
const CONTACT_SLOTS = `+workspace_id = +? and slot between ${FIRST_SLOT} and ${FIRST_SLOT} + ${PLACES_PER_CONTACT - 1}`;
const contactSlots = (workspaceId: string, contactId: string) => [workspaceId, workspaceId, contactId, workspaceId, contactId];

const FORGET = `delete from contact_metadata where ${CONTACT_SLOTS}`;
const REVALUE = `update contact_metadata set folded_value = ? where ${CONTACT_SLOTS} and +key = +?`;
const removeKeys = (count: number) => `delete from contact_metadata where ${CONTACT_SLOTS} and +key in (${Array(count).fill("?").join(", ")})`;
const PLACES_IN_USE = `select slot % ${PLACES_PER_CONTACT} as place from contact_metadata where ${CONTACT_SLOTS}`;

// Each row: place, workspace, contact, key, folded value. The contact's seq comes from its unique
// (workspace_id, id) index; `cross join` keeps the entries the outer loop.
const PLACED_ENTRY_COLUMNS = 5;
const insertAtPlaces = (rows: number) =>
  `insert into contact_metadata (slot, workspace_id, contact_id, key, folded_value)
  select contacts.seq * ${PLACES_PER_CONTACT} + entry.column1, entry.column2, entry.column3, entry.column4, entry.column5
  from (values ${Array(rows).fill("(?, ?, ?, ?, ?)").join(", ")}) as entry
  cross join contacts where contacts.workspace_id = entry.column2 and contacts.id = entry.column3`;

/** The statements' texts, for the storage tests to read their plans. */
export const sqliteMetadataStatements = { FORGET, REVALUE, removeKeys, PLACES_IN_USE, insertAtPlaces };

async function run(store: Store, text: string, parameters: readonly unknown[]) {
  return store.run<Record<string, unknown>>(CompiledQuery.raw(text, parameters as unknown[]));
}

/** Writes entries given as tuples of (place, workspace, contact, key, folded value). */
async function insertPlaced(store: Store, placed: unknown[][]): Promise<void> {
  for (const chunk of insertChunks(placed, PLACED_ENTRY_COLUMNS)) {
    const { numAffectedRows } = await run(store, insertAtPlaces(chunk.length), flatValues(chunk, PLACED_ENTRY_COLUMNS));
    if (numAffectedRows !== BigInt(chunk.length)) throw new Error("Metadata index entries were written for a contact that is not there");
  }
}

const TOO_MANY_ENTRIES = `A contact's metadata has more index entries than its ${PLACES_PER_CONTACT} places`;

function checkPlace(place: number): number {
  if (place >= PLACES_PER_CONTACT) throw new Error(TOO_MANY_ENTRIES);
  return place;
}

async function forget(store: Store, workspaceId: string, contactId: string): Promise<void> {
  await run(store, FORGET, contactSlots(workspaceId, contactId));
}

export const sqliteMetadataRows: ContactMetadataRows = {
  async insertOfNewContacts(store, { values }) {
    // Each contact's entries come together: places 0, 1, … from its first.
    let place = 0;
    const placed = values.map((tuple, i) => {
      const previous = values[i - 1];
      place = previous && previous[0] === tuple[0] && previous[1] === tuple[1] ? place + 1 : 0;
      return [checkPlace(place), ...tuple];
    });
    await insertPlaced(store, placed);
  },

  async replace(store, workspaceId, contactId, entries) {
    await forget(store, workspaceId, contactId);
    await insertPlaced(store, entries.map(([key, foldedValue], place) => [checkPlace(place), workspaceId, contactId, key, foldedValue]));
  },

  async change(store, workspaceId, contactId, { revalued, removed, added }) {
    const slots = contactSlots(workspaceId, contactId);
    if (removed.length > 0) await run(store, removeKeys(removed.length), [...slots, ...removed]);
    const adding = [...added];
    for (const [key, foldedValue] of revalued) {
      const { numAffectedRows } = await run(store, REVALUE, [foldedValue, ...slots, key]);
      // An entry missing where it should be is written, as a full reindex would.
      if (numAffectedRows === 0n) adding.push([key, foldedValue]);
    }
    if (adding.length === 0) return;
    const { rows } = await run(store, PLACES_IN_USE, slots);
    const inUse = new Set(rows.map((row) => Number(row.place)));
    const free = Array.from({ length: PLACES_PER_CONTACT }, (_, place) => place).filter((place) => !inUse.has(place));
    if (adding.length > free.length) throw new Error(TOO_MANY_ENTRIES);
    await insertPlaced(store, adding.map(([key, foldedValue], i) => [free[i], workspaceId, contactId, key, foldedValue]));
  },

  forget,
};
