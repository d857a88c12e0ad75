import fc from "fast-check";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { foldedMetadataValue } from "../../lib/contacts/metadata-fold";
import { createContact, deleteContact, updateContact } from "../../lib/contacts/service";
import { parseJsonText } from "../../lib/json-text";
import { createTenant, testStore } from "../support/fixtures";

// A PATCH rewrites only the metadata keys whose value changed (lib/contacts/metadata-repository.ts):
// whatever the sequence of changes, contact_metadata must hold exactly one row per key of the
// contact's metadata, with its folded value — what indexing the metadata from scratch gives.

type Metadata = Record<string, string | number | boolean>;

// Few keys, so that changes hit the same keys again; U+0000 and U+FFFD are stored alike.
const key = fc.constantFrom("plan", "Plan", "city", "seats", "a\u0000", "a\uFFFD", "vip");
const value = fc.oneof(fc.constantFrom("Pro", "pro", "Prô", "Zürich", ""), fc.integer({ min: -3, max: 3 }), fc.boolean());
const change = fc.dictionary(key, fc.option(value, { nil: null }), { maxKeys: 4 });

async function indexedRows(workspaceId: string, contactId: string): Promise<string[]> {
  const rows = await testStore()
    .db.selectFrom("contact_metadata")
    .select(["key", "folded_value"])
    .where("workspace_id", "=", workspaceId)
    .where("contact_id", "=", contactId)
    .execute();
  return rows.map((row) => `${row.key}=${row.folded_value}`).sort();
}

/** SQLite: entries that lie outside their contact's range of rowids (lib/contacts/metadata-index/sqlite-metadata-rows.ts). */
async function entriesOutOfPlace(workspaceId: string): Promise<number> {
  if (testStore().dialect.name !== "sqlite") return 0;
  const { rows } = await sql<{ misplaced: number }>`select count(*) as misplaced from contact_metadata
    left join contacts on contacts.workspace_id = contact_metadata.workspace_id and contacts.id = contact_metadata.contact_id
    where contact_metadata.workspace_id = ${workspaceId} and (contacts.seq is null or contact_metadata.slot / 64 <> contacts.seq)`.execute(testStore().db);
  return Number(rows[0].misplaced);
}

function expectedRows(metadata: Metadata): string[] {
  return Object.entries(metadata)
    .map(([name, stored]) => `${name.replaceAll("\u0000", "\uFFFD")}=${foldedMetadataValue(stored)}`)
    .sort();
}

describe("metadata index after PATCHes", () => {
  it("holds exactly the contact's keys and folded values after any sequence of changes", async () => {
    const tenant = await createTenant("Metadata index updates");
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, value, { maxKeys: 4 }), fc.array(change, { minLength: 1, maxLength: 6 }), async (initial, changes) => {
        let contact = await createContact(testStore(), tenant.workspaceId, { chatbotId: tenant.chatbotIds[0], metadata: initial });
        for (const metadata of changes) {
          contact = await updateContact(testStore(), tenant.workspaceId, contact.id, { metadata });
          expect(await indexedRows(tenant.workspaceId, contact.id)).toEqual(expectedRows(parseJsonText(contact.json).metadata));
        }
        expect(await entriesOutOfPlace(tenant.workspaceId)).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it("leaves the index entries of unchanged keys in place", async () => {
    const tenant = await createTenant("Metadata index, unchanged keys");
    const contact = await createContact(testStore(), tenant.workspaceId, { chatbotId: tenant.chatbotIds[0], metadata: { plan: "Pro", city: "Oslo" } });
    const sqlite = testStore().sqlite;
    const rowIdOf = async (name: string) =>
      (
        await testStore()
          .db.selectFrom("contact_metadata")
          .select(sql<string>`${sql.raw(sqlite ? "rowid" : "ctid::text")}`.as("row"))
          .where("workspace_id", "=", tenant.workspaceId)
          .where("contact_id", "=", contact.id)
          .where("key", "=", name)
          .executeTakeFirstOrThrow()
      ).row;
    // SQLite: rows of contact_metadata written on this connection (lib/db/sqlite/table-write-counter.ts).
    const writes = () => Number(sqlite!.session.changeStampOf("contact_metadata")!.split(":")[1]);
    const cityBefore = await rowIdOf("city");
    const planBefore = await rowIdOf("plan");
    const writesBefore = sqlite ? writes() : 0;
    await updateContact(testStore(), tenant.workspaceId, contact.id, { metadata: { plan: "Enterprise" } });
    expect(await rowIdOf("city")).toEqual(cityBefore);
    // SQLite rewrites the plan's entry where it is; PostgreSQL writes a new row version.
    if (sqlite) expect(writes() - writesBefore).toBe(1);
    else expect(await rowIdOf("plan")).not.toEqual(planBefore);
    expect(await indexedRows(tenant.workspaceId, contact.id)).toEqual(["city=oslo", "plan=enterprise"]);
  });

  it("writes a changed key's entry even where it had gone missing", async () => {
    const tenant = await createTenant("Metadata index, missing entry");
    const contact = await createContact(testStore(), tenant.workspaceId, { chatbotId: tenant.chatbotIds[0], metadata: { plan: "Pro", city: "Oslo" } });
    await testStore().db.deleteFrom("contact_metadata").where("workspace_id", "=", tenant.workspaceId).where("contact_id", "=", contact.id).where("key", "=", "plan").execute();
    await updateContact(testStore(), tenant.workspaceId, contact.id, { metadata: { plan: "Team" } });
    expect(await indexedRows(tenant.workspaceId, contact.id)).toEqual(["city=oslo", "plan=team"]);
    expect(await entriesOutOfPlace(tenant.workspaceId)).toBe(0);
  });

  it("deletes a contact's index entries with the contact, and no other contact's", async () => {
    const tenant = await createTenant("Metadata index, deleted contact");
    const create = (metadata: Metadata) => createContact(testStore(), tenant.workspaceId, { chatbotId: tenant.chatbotIds[0], metadata });
    const [first, second, third] = [await create({ plan: "Pro" }), await create({ plan: "Team", city: "Oslo" }), await create({ vip: true })];
    await deleteContact(testStore(), tenant.workspaceId, second.id);
    expect(await indexedRows(tenant.workspaceId, second.id)).toEqual([]);
    expect(await indexedRows(tenant.workspaceId, first.id)).toEqual(["plan=pro"]);
    expect(await indexedRows(tenant.workspaceId, third.id)).toEqual(["vip=true"]);
  });
});
