import fc from "fast-check";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { foldedMetadataValue } from "../../lib/contacts/metadata-fold";
import { createContact, updateContact } from "../../lib/contacts/service";
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
      }),
      { numRuns: 60 },
    );
  });

  it("leaves the index entries of unchanged keys in place", async () => {
    const tenant = await createTenant("Metadata index, unchanged keys");
    const contact = await createContact(testStore(), tenant.workspaceId, { chatbotId: tenant.chatbotIds[0], metadata: { plan: "Pro", city: "Oslo" } });
    const rowIdOf = async (name: string) =>
      (
        await testStore()
          .db.selectFrom("contact_metadata")
          .select(sql<string>`${sql.raw(testStore().dialect.name === "sqlite" ? "rowid" : "ctid::text")}`.as("row"))
          .where("workspace_id", "=", tenant.workspaceId)
          .where("contact_id", "=", contact.id)
          .where("key", "=", name)
          .executeTakeFirstOrThrow()
      ).row;
    const cityBefore = await rowIdOf("city");
    const planBefore = await rowIdOf("plan");
    await updateContact(testStore(), tenant.workspaceId, contact.id, { metadata: { plan: "Enterprise" } });
    expect(await rowIdOf("city")).toEqual(cityBefore);
    expect(await rowIdOf("plan")).not.toEqual(planBefore);
  });

});
