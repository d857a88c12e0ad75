import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contactFiltersFormSchema, filtersFromForm, listFilterQuery, parseListFilters, type ContactListFilters } from "../../lib/contacts/list-filters";
import { DEFAULT_VIEW, listRequestQuery, listViewQuery, parseListView, type ContactListView } from "../../lib/contacts/list-view";
import { listContactsQuerySchema } from "../../lib/contacts/schemas";
import { savedViewQueryOf } from "../../lib/saved-views/schemas";

// The contacts table's filters in the URL and in the request it sends: a URL round-trips, a
// hand-edited one is read forgivingly, and every request is one the API accepts.

const date = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((value) => value.trim() === value && !/[\u0000-\u001f\u007f]/.test(value));

const filters: fc.Arbitrary<ContactListFilters> = fc
  .record({
    chatbotId: fc.constantFrom("", "chatbot_abc"),
    createdFrom: fc.oneof(fc.constant(""), date),
    createdTo: fc.oneof(fc.constant(""), date),
    hasEmail: fc.constantFrom("" as const, "yes" as const, "no" as const),
    hasPhone: fc.constantFrom("" as const, "yes" as const, "no" as const),
    metadataKey: fc.oneof(fc.constant(""), text(64)),
    metadataMatch: fc.constantFrom("has" as const, "equals" as const, "contains" as const),
    metadataValue: fc.oneof(fc.constant(""), text(50)),
  })
  // As the URL holds it: a condition without a key or a value is none, or "is set".
  .map((f) => (f.metadataKey && f.metadataMatch !== "has" && f.metadataValue ? f : { ...f, metadataMatch: "has" as const, metadataValue: "" }));

const views: fc.Arbitrary<ContactListView> = fc
  .tuple(
    filters,
    fc.record({
      search: fc.oneof(fc.constant(""), text(200)),
      sortBy: fc.constantFrom("createdAt" as const, "name" as const, "email" as const),
      sortOrder: fc.constantFrom("asc" as const, "desc" as const),
      page: fc.integer({ min: 1, max: 1000 }),
      pageSize: fc.constantFrom(25 as const, 50 as const, 100 as const),
    }),
  )
  .map(([f, rest]) => ({ ...f, ...rest }));

describe("contacts list filters", () => {
  it("round-trip through the URL, and every request they make is one the API accepts", () => {
    fc.assert(
      fc.property(views, (view) => {
        const query = listViewQuery(view);
        expect(parseListView(new URLSearchParams(query))).toEqual(view);
        const request = Object.fromEntries(Object.entries(listRequestQuery(view)).map(([name, value]) => [name, String(value)]));
        expect(listContactsQuerySchema.safeParse(request).success).toBe(true);
        // A saved view keeps everything but the page.
        expect(parseListView(new URLSearchParams(savedViewQueryOf(new URLSearchParams(query))))).toEqual({ ...view, page: 1 });
      }),
      { numRuns: 500 },
    );
  });

  it("ask the API for the last day included: `to` becomes createdBefore the day after", () => {
    expect(listFilterQuery({ ...DEFAULT_VIEW, createdFrom: "2026-01-31", createdTo: "2026-02-28" })).toEqual({ createdFrom: "2026-01-31", createdBefore: "2026-03-01" });
    expect(listFilterQuery({ ...DEFAULT_VIEW, createdTo: "2024-12-31" })).toEqual({ createdBefore: "2025-01-01" });
    expect(listFilterQuery({ ...DEFAULT_VIEW, createdFrom: "2026-01-31", createdTo: "9999-12-31" })).toEqual({ createdFrom: "2026-01-31" });
    expect(listFilterQuery({ ...DEFAULT_VIEW, hasEmail: "no", hasPhone: "yes" })).toEqual({ hasEmail: "false", hasPhone: "true" });
    expect(listFilterQuery({ ...DEFAULT_VIEW, metadataKey: "plan", metadataMatch: "has" })).toEqual({ metadataKey: "plan", metadataMatch: "has" });
  });

  it("read a hand-edited link forgivingly: malformed values are left out", () => {
    const parsed = parseListFilters(new URLSearchParams("from=2026-02-30&to=yesterday&email=maybe&phone=no&value=pro&match=contains"));
    expect(parsed).toEqual({ ...DEFAULT_VIEW_FILTERS, hasPhone: "no" });
    expect(parseListFilters(new URLSearchParams(`meta=${"k".repeat(65)}&value=x`)).metadataKey).toBe("");
    expect(parseListFilters(new URLSearchParams("meta=plan&value=pro"))).toMatchObject({ metadataKey: "plan", metadataMatch: "equals", metadataValue: "pro" });
    expect(parseListFilters(new URLSearchParams("meta=plan&match=equals"))).toMatchObject({ metadataKey: "plan", metadataMatch: "has", metadataValue: "" });
  });

  it("form says what is wrong in an agent's words", () => {
    const base = { metadataKey: "", metadataMatch: "equals" as const, metadataValue: "", createdFrom: "", createdTo: "", hasEmail: "" as const, hasPhone: "" as const };
    const issues = (form: typeof base) => contactFiltersFormSchema.safeParse(form).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ ...base, metadataKey: "plan" })).toEqual([["metadataValue", "Enter the value to look for"]]);
    expect(issues({ ...base, metadataValue: "pro" })).toEqual([["metadataKey", "Enter the metadata key the value belongs to"]]);
    expect(issues({ ...base, createdFrom: "2026-03-01", createdTo: "2026-02-01" })).toEqual([["createdTo", "The last day comes on or after the first"]]);
    expect(issues({ ...base, metadataKey: "plan", metadataMatch: "has" as never })).toBeUndefined();
    const form = contactFiltersFormSchema.parse({ ...base, metadataKey: " plan ", metadataMatch: "has", metadataValue: "" });
    expect(filtersFromForm(form, "chatbot_1")).toMatchObject({
      chatbotId: "chatbot_1",
      metadataKey: "plan",
      metadataMatch: "has",
    });
  });
});

const DEFAULT_VIEW_FILTERS = parseListFilters(new URLSearchParams());
