import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatbot } from "../../lib/chatbots/repository";
import { metadataIndexEntries } from "../../lib/contacts/metadata-fold";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { importContacts } from "../../lib/import/import-contacts";
import type { SourceRow } from "../../lib/import/read-rows";
import type { Metadata } from "../../lib/validation/metadata";
import { createWorkspace } from "../../lib/workspaces/repository";
import { createTestDatabase, type TestDatabase } from "../support/backend";

// An import into an empty SQLite database builds the metadata index in SQL from the loaded contacts
// (lib/contacts/metadata-index/sqlite-loaded-metadata-index.ts), folding plain ASCII metadata itself and the rest
// through the application's fold; PostgreSQL inserts the rows the application folded. Either way
// contact_metadata must hold exactly what the application's fold gives for every contact.

const TRICKY: Metadata[] = [
  {},
  { plan: "PRO", seats: 12, vip: true, trial: false },
  { city: "Zürich", name: "Émile", "Straße": "ǅemal", ligature: "ﬁne", width: "ＡＢＣ" },
  { "nul\u0000key": "nul\u0000value", "a\uFFFD": "replacement \uFFFD" },
  { 'quote"key': 'say "hi"', "back\\slash": "C:\\path\\", newline: "one\ntwo\tthree", "?": "question" },
  { emoji: "😀 Smile", lone: "\uD800 half", control: "\u0001\u001f" },
  { big: 1e21, tiny: 5e-324, third: 0.30000000000000004, negative: -12.5, zero: -0, huge: 123456789012345680000, safe: 2 ** 53 + 2 },
  { "a.b": "dotted", "a[0]": "bracketed", $: "dollar", " ": "space", "'": "apostrophe", "*": "STAR" },
  { empty: "", spaces: "   ", tilde: "~", mixed: "MiXeD 123 !?" },
];

let database: TestDatabase;
let store: Store;
let workspaceId: string;
let chatbotId: string;

beforeAll(async () => {
  database = await createTestDatabase("import-metadata-index");
  store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
  workspaceId = (await createWorkspace(store, "Import metadata index")).id;
  chatbotId = (await createChatbot(store, workspaceId, "Bot")).id;
});
afterAll(async () => {
  await store.db.destroy();
  await database.drop();
});

const metadataValue = fc.oneof(fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ unit: "binary", maxLength: 8 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean());
const metadataKey = fc.oneof(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 10 }), fc.string({ unit: "binary", minLength: 1, maxLength: 6 }));
const randomMetadata = fc.dictionary(metadataKey, metadataValue, { maxKeys: 6 });

async function* rowsWith(metadata: readonly Metadata[]): AsyncIterable<SourceRow> {
  for (const [i, value] of metadata.entries()) yield { line: i + 1, value: { chatbotId, name: `Contact ${i}`, metadata: value } };
}

describe("the metadata index of an import into an empty database", () => {
  it("holds exactly the application's folded entries of every contact", async () => {
    const metadata = [...TRICKY, ...fc.sample(randomMetadata, { numRuns: 400, seed: 20261206 })];
    expect(await importContacts(store, workspaceId, rowsWith(metadata))).toEqual({ imported: metadata.length, rejected: [] });

    const contacts = await store.db.selectFrom("contacts").select(["id", "metadata"]).where("workspace_id", "=", workspaceId).execute();
    const expected = contacts.flatMap((contact) =>
      // A column holds a lone surrogate as U+FFFD.
      metadataIndexEntries(JSON.parse(contact.metadata) as Metadata).map(([key, folded]) => JSON.stringify([contact.id, key.toWellFormed(), folded.toWellFormed()])),
    );
    const rows = await store.db.selectFrom("contact_metadata").select(["contact_id", "key", "folded_value"]).where("workspace_id", "=", workspaceId).execute();
    const stored = rows.map((row) => JSON.stringify([row.contact_id, row.key, row.folded_value]));
    expect(stored.length).toBe(expected.length);
    expect(stored.sort()).toEqual(expected.sort());
    // The tricky ones are there, folded: an accent, a compatibility character, U+0000.
    const idOf = (tricky: Metadata) => contacts.find((contact) => contact.metadata === JSON.stringify(tricky))!.id;
    expect(stored).toContain(JSON.stringify([idOf(TRICKY[2]!), "city", "zurich"]));
    expect(stored).toContain(JSON.stringify([idOf(TRICKY[2]!), "ligature", "fine"]));
    expect(stored).toContain(JSON.stringify([idOf(TRICKY[3]!), "nul\uFFFDkey", "nul\uFFFDvalue"]));

    // SQLite: each contact's entries at the start of its range of rowids, in its metadata's order
    // (lib/contacts/metadata-index/sqlite-metadata-rows.ts).
    if (store.dialect.name === "sqlite") {
      const { rows: placed } = await sql<{ id: string; key: string; place: number }>`select contacts.id, contact_metadata.key, contact_metadata.slot - contacts.seq * 64 as place
        from contact_metadata join contacts on contacts.workspace_id = contact_metadata.workspace_id and contacts.id = contact_metadata.contact_id
        where contact_metadata.workspace_id = ${workspaceId}`.execute(store.db);
      const expectedPlaces = contacts.flatMap((contact) =>
        metadataIndexEntries(JSON.parse(contact.metadata) as Metadata).map(([key], place) => JSON.stringify([contact.id, key.toWellFormed(), place])),
      );
      expect(placed.map((row) => JSON.stringify([row.id, row.key, row.place])).sort()).toEqual(expectedPlaces.sort());
    }
  });
});
