import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTACT_COLUMNS, contactJson, toContact, type StoredContact } from "@/lib/contacts/contact-row";

// Answers write contacts straight from their rows (contactJson) instead of serializing toContact's
// objects: the text must be exactly what JSON.stringify of the object gives, for any stored row.

const text = fc.option(fc.string({ unit: "binary", maxLength: 40 }), { nil: null });
const metadataValue = fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean());
const metadata = fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constant("__proto__"), fc.constant("constructor")), metadataValue, { maxKeys: 6 });

const row = fc.record({ metadata, columns: fc.array(text, { minLength: CONTACT_COLUMNS.length, maxLength: CONTACT_COLUMNS.length }) }).map(({ metadata: values, columns }) => {
  const stored: Record<string, unknown> = Object.fromEntries(CONTACT_COLUMNS.map((column, i) => [column, columns[i]]));
  stored.id = "contact_" + String(columns[0] ?? "x");
  stored.chatbot_id = "chatbot_1";
  stored.created_at = "2026-01-02T03:04:05.678Z";
  stored.updated_at = "2026-01-02T03:04:05.679Z";
  // Stored as the API stores it: JSON.stringify of the object a request's body parsed to.
  stored.metadata = JSON.stringify(JSON.parse(JSON.stringify(values)));
  return stored as StoredContact;
});

describe("contactJson", () => {
  it("writes every stored row exactly as JSON.stringify(toContact(row))", () => {
    fc.assert(
      fc.property(row, (stored) => {
        expect(contactJson(stored)).toBe(JSON.stringify(toContact(stored)));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a __proto__ metadata key as data", () => {
    const stored = fc.sample(row, 1)[0];
    stored.metadata = '{"__proto__":{"polluted":true},"plan":"pro"}';
    expect(JSON.parse(contactJson(stored)).metadata).toEqual(JSON.parse(stored.metadata));
    expect(contactJson(stored)).toBe(JSON.stringify(toContact(stored)));
  });
});
