import { beforeAll, describe, expect, it } from "vitest";
import { client, expectError, expectSuccess } from "../support/api";
import { createTenant, newKeyFor, testStore, type Tenant } from "../support/fixtures";
import { insertContacts } from "../../lib/contacts/repository";
import { newContactRow } from "../../lib/contacts/service";

// GET /v1/contacts filters beyond search and chatbot: created date range, has email / phone, and
// one metadata condition (has / equals / contains, ignoring case and accents).

interface Listed {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  metadata: Record<string, string | number | boolean>;
  createdAt: string;
}
interface Page {
  contacts: Listed[];
  total: number;
  nextCursor: string | null;
}

let tenant: Tenant;
let api: ReturnType<typeof client>;
const created: Record<string, string> = {};

const PEOPLE: Array<{ name: string; email?: string; phone?: string; metadata?: Record<string, string | number | boolean>; createdAt: string }> = [
  { name: "Ada", email: "ada@example.com", metadata: { plan: "Pro", seats: 12, vip: true }, createdAt: "2026-01-10T08:00:00.000Z" },
  { name: "Bea", phone: "+15550001", metadata: { plan: "pro", city: "Zürich" }, createdAt: "2026-01-31T23:59:59.999Z" },
  { name: "Cem", email: "cem@example.com", phone: "+15550002", metadata: { plan: "Enterprise", city: "Zurich office" }, createdAt: "2026-02-01T00:00:00.000Z" },
  { name: "Dia", metadata: { seats: 120, vip: false }, createdAt: "2026-02-15T12:00:00.000Z" },
  { name: "Eli", email: "eli@example.com", createdAt: "2026-03-01T00:00:00.000Z" },
];

async function names(query: string): Promise<string[]> {
  const page = expectSuccess(await api.get(`/v1/contacts?sortBy=name&sortOrder=asc&${query}`)) as Page;
  expect(page.total).toBe(page.contacts.length);
  return page.contacts.map((contact) => contact.name!);
}

beforeAll(async () => {
  tenant = await createTenant("Filters");
  api = client(await newKeyFor(tenant));
  const rows = PEOPLE.map((person) => newContactRow(tenant.workspaceId, { chatbotId: tenant.chatbotIds[0], ...person }, person.createdAt));
  await insertContacts(testStore(), rows);
  rows.forEach((row) => (created[row.name!] = row.id));
  // Another workspace's contact with the same metadata is never found.
  const other = await createTenant("Filters, other workspace");
  await insertContacts(testStore(), [newContactRow(other.workspaceId, { chatbotId: other.chatbotIds[0], name: "Zed", metadata: { plan: "pro" } })]);
});

describe("GET /v1/contacts filters", () => {
  it("createdFrom is inclusive, createdBefore exclusive; a date is midnight UTC; an offset is honoured", async () => {
    expect(await names("createdFrom=2026-02-01")).toEqual(["Cem", "Dia", "Eli"]);
    expect(await names("createdBefore=2026-02-01")).toEqual(["Ada", "Bea"]);
    expect(await names("createdFrom=2026-01-31T23:59:59.999Z&createdBefore=2026-02-15T12:00:00Z")).toEqual(["Bea", "Cem"]);
    expect(await names(`createdFrom=${encodeURIComponent("2026-02-01T01:00:00+01:00")}&createdBefore=2026-02-02`)).toEqual(["Cem"]);
  });

  it("hasEmail and hasPhone, true and false", async () => {
    expect(await names("hasEmail=true")).toEqual(["Ada", "Cem", "Eli"]);
    expect(await names("hasEmail=false")).toEqual(["Bea", "Dia"]);
    expect(await names("hasPhone=true")).toEqual(["Bea", "Cem"]);
    expect(await names("hasPhone=false&hasEmail=true")).toEqual(["Ada", "Eli"]);
  });

  it("metadata: has a key, equals a value and contains text, ignoring case and accents", async () => {
    expect(await names("metadataKey=plan")).toEqual(["Ada", "Bea", "Cem"]);
    expect(await names("metadataKey=plan&metadataMatch=has")).toEqual(["Ada", "Bea", "Cem"]);
    expect(await names("metadataKey=plan&metadataValue=PRO")).toEqual(["Ada", "Bea"]);
    expect(await names("metadataKey=plan&metadataMatch=equals&metadataValue=enterprise")).toEqual(["Cem"]);
    expect(await names("metadataKey=city&metadataMatch=contains&metadataValue=zuri")).toEqual(["Bea", "Cem"]);
    expect(await names("metadataKey=city&metadataMatch=contains&metadataValue=%25")).toEqual([]);
    expect(await names("metadataKey=seats&metadataValue=12")).toEqual(["Ada"]);
    expect(await names("metadataKey=seats&metadataMatch=contains&metadataValue=12")).toEqual(["Ada", "Dia"]);
    expect(await names("metadataKey=vip&metadataValue=false")).toEqual(["Dia"]);
    expect(await names("metadataKey=nothing")).toEqual([]);
  });

  it("combines with search, the other filters, sorting and cursors", async () => {
    expect(await names("metadataKey=plan&hasEmail=true&createdBefore=2026-02-02")).toEqual(["Ada", "Cem"]);
    expect(await names("metadataKey=plan&search=em")).toEqual(["Cem"]);
    const first = expectSuccess(await api.get("/v1/contacts?metadataKey=plan&limit=2")) as Page;
    expect(first.total).toBe(3);
    const second = expectSuccess(await api.get(`/v1/contacts?metadataKey=plan&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`)) as Page;
    expect([...first.contacts, ...second.contacts].map((c) => c.name)).toEqual(["Cem", "Bea", "Ada"]);
    expect(second.nextCursor).toBeNull();
    const refused = expectError(await api.get(`/v1/contacts?metadataKey=city&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`), 400, "validation_error");
    expect(Object.keys(refused.details ?? {})).toEqual(["cursor"]);
  });

  it("follows a change of metadata and a delete", async () => {
    const writer = client(await newKeyFor(tenant));
    expectSuccess(await writer.patch(`/v1/contacts/${created.Dia}`, { body: { metadata: { plan: "Prô", seats: null } } }));
    expect(await names("metadataKey=plan&metadataValue=pro")).toEqual(["Ada", "Bea", "Dia"]);
    expect(await names("metadataKey=seats")).toEqual(["Ada"]);
    expectSuccess(await writer.patch(`/v1/contacts/${created.Dia}`, { body: { name: "Dia Renamed" } }));
    expect(await names("metadataKey=plan&metadataValue=pro")).toEqual(["Ada", "Bea", "Dia Renamed"]);
    expectSuccess(await writer.delete(`/v1/contacts/${created.Bea}`));
    expect(await names("metadataKey=plan&metadataValue=pro")).toEqual(["Ada", "Dia Renamed"]);
    const created2 = expectSuccess(await writer.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[1], name: "Fay", metadata: { plan: "PRO" } } }), 201);
    expect(created2.contact.name).toBe("Fay");
    expect(await names("metadataKey=plan&metadataValue=pro")).toEqual(["Ada", "Dia Renamed", "Fay"]);
  });

  it("refuses what cannot be a filter, naming the parameter", async () => {
    const refused = async (query: string, parameter: string) => {
      const error = expectError(await api.get(`/v1/contacts?${query}`), 400, "validation_error");
      expect(Object.keys(error.details ?? {})).toEqual([parameter]);
    };
    await refused("createdFrom=yesterday", "createdFrom");
    await refused("createdFrom=2026-02-30T00:00:00Z", "createdFrom");
    await refused("createdBefore=2026-13-01", "createdBefore");
    await refused("createdFrom=2026-02-01&createdBefore=2026-02-01", "createdBefore");
    // Instants outside the years 0000–9999 in UTC, which would compare as text before every stored timestamp.
    await refused("createdFrom=9999-12-31T23:59:59-12:00", "createdFrom");
    await refused(`createdBefore=${encodeURIComponent("0000-01-01T00:00:00+01:00")}`, "createdBefore");
    await refused("hasEmail=yes", "hasEmail");
    await refused("hasPhone=1", "hasPhone");
    await refused("metadataValue=pro", "metadataKey");
    await refused("metadataMatch=has", "metadataKey");
    await refused("metadataKey=plan&metadataMatch=has&metadataValue=pro", "metadataValue");
    await refused("metadataKey=plan&metadataMatch=contains", "metadataValue");
    await refused("metadataKey=plan&metadataMatch=starts", "metadataMatch");
    await refused(`metadataKey=${"k".repeat(65)}`, "metadataKey");
    await refused("hasEmail=true&hasEmail=false", "hasEmail");
  });
});
