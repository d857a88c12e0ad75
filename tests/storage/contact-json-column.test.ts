import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { insertContacts, listContacts } from "../../lib/contacts/repository";
import { toContact } from "../../lib/contacts/contact-row";
import { contactTextFieldNames } from "../../lib/contacts/schemas";
import { newContactRow } from "../../lib/contacts/service";
import { parseJsonText } from "../../lib/json-text";
import { isStorableText } from "../../lib/validation/text";
import { createTenant, testStore } from "../support/fixtures";

// A page's contacts are written by the database (contactJsonColumn), not by JavaScript: on either
// backend the text must be exactly what JSON.stringify(toContact(row)) gives for the stored row,
// whatever the text holds (quotes, backslashes, control characters, U+2028, emoji, DEL).

const storableText = fc.string({ unit: "binary", maxLength: 30 }).filter(isStorableText);
const tricky = fc.constantFrom('"', "\\", "\b\f\n\r\t", "\u0001\u001f\u007f", "\u2028\u2029", "😀 é", "</script>", "'", "");
const fieldValue = fc.option(fc.oneof(storableText, tricky), { nil: undefined });
const metadataValue = fc.oneof(storableText, tricky, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean());
const contactInput = fc.record({
  fields: fc.tuple(...contactTextFieldNames.map(() => fieldValue)),
  metadata: fc.dictionary(fc.oneof(storableText, tricky), metadataValue, { maxKeys: 4 }),
});

describe("contacts written as JSON by the database", () => {
  it("equal JSON.stringify(toContact(row)) for any stored text", async () => {
    const store = testStore();
    await fc.assert(
      fc.asyncProperty(fc.array(contactInput, { minLength: 1, maxLength: 8 }), async (inputs) => {
        const tenant = await createTenant("Contact JSON column");
        const rows = inputs.map(({ fields, metadata }, i) =>
          newContactRow(
            tenant.workspaceId,
            { chatbotId: tenant.chatbotIds[0]!, ...Object.fromEntries(contactTextFieldNames.map((field, f) => [field, fields[f]])), metadata },
            new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
          ),
        );
        await insertContacts(store, rows);
        const page = await listContacts(store, { workspaceId: tenant.workspaceId }, { sortBy: "createdAt", sortOrder: "asc", limit: 10, offset: 0 });
        expect(page.map((row) => row.json)).toEqual(rows.map((row) => JSON.stringify(toContact(row))));
        expect(page.map((row) => parseJsonText(row.json))).toEqual(rows.map(toContact));
      }),
      { numRuns: 40 },
    );
  });
});
