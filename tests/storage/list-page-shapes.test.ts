import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { contactPageQuery, countContacts, insertContacts, listContacts, type ContactFilter } from "../../lib/contacts/repository";
import { newContactRow } from "../../lib/contacts/service";
import { createTenant, testStore, type Tenant } from "../support/fixtures";

// A page without a search or metadata condition runs SQL compiled once per shape (sort, page size,
// which filters are given, plan), with the filters' values bound at each call: whatever the order
// in which shapes come, each page must be exactly the page its query built afresh returns.

let tenant: Tenant;
const DAY = 86_400_000;
const start = Date.parse("2026-01-01T00:00:00.000Z");
const day = (n: number) => new Date(start + n * DAY).toISOString();

beforeAll(async () => {
  tenant = await createTenant("List page shapes");
  const rows = Array.from({ length: 60 }, (_, i) =>
    newContactRow(
      tenant.workspaceId,
      {
        chatbotId: tenant.chatbotIds[i % 2]!,
        name: i % 7 === 0 ? undefined : `Person ${String.fromCharCode(65 + (i % 26))}${i}`,
        email: i % 3 === 0 ? undefined : `p${i}@example.com`,
        phone: i % 4 === 0 ? "+44 20 7946 0000" : undefined,
      },
      day(i % 20),
    ),
  );
  await insertContacts(testStore(), rows);
});

const filter = fc.record(
  {
    chatbotId: fc.constantFrom(0, 1),
    createdFrom: fc.integer({ min: 0, max: 19 }),
    createdBefore: fc.integer({ min: 1, max: 25 }),
    hasEmail: fc.boolean(),
    hasPhone: fc.boolean(),
  },
  { requiredKeys: [] },
);
const page = fc.record({
  sortBy: fc.constantFrom("createdAt", "name", "email"),
  sortOrder: fc.constantFrom("asc", "desc"),
  limit: fc.constantFrom(1, 5, 26),
  offset: fc.constantFrom(0, 3, 40),
});

describe("pages compiled once per shape", () => {
  it("equal the page built afresh, for any sequence of filters, sorts and pages", async () => {
    const store = testStore();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(filter, page), { minLength: 1, maxLength: 8 }), async (listings) => {
        for (const [given, { sortBy, sortOrder, limit, offset }] of listings) {
          const contactFilter: ContactFilter = {
            workspaceId: tenant.workspaceId,
            chatbotId: given.chatbotId === undefined ? undefined : tenant.chatbotIds[given.chatbotId],
            createdFrom: given.createdFrom === undefined ? undefined : day(given.createdFrom),
            createdBefore: given.createdBefore === undefined ? undefined : day(given.createdBefore),
            hasEmail: given.hasEmail,
            hasPhone: given.hasPhone,
          };
          const pageOf = { sortBy, sortOrder, limit, offset } as const;
          const matches = await countContacts(store, contactFilter);
          const expected = await contactPageQuery(store, contactFilter, pageOf, matches).execute();
          expect(await listContacts(store, contactFilter, pageOf, matches)).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });
});
