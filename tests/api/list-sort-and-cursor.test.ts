import { beforeAll, describe, expect, it } from "vitest";
import { insertContacts } from "../../lib/contacts/repository";
import { newContactRow } from "../../lib/contacts/service";
import { client, expectError, expectSuccess } from "../support/api";
import { createTenant, newKeyFor, testStore, type Tenant } from "../support/fixtures";
import { byteOrder, readOrder } from "../support/read-order";

// CONTRACT.md, Listing contacts: names and emails sort case- and accent-insensitively (NFKD, combining
// marks removed, lower-cased), values that fold alike by the stored text, then by id; the same on
// both backends. And Cursor pagination: nextCursor out, cursor in, tamper-evident, bound to its listing.

interface Listed {
  id: string;
  name: string | null;
  email: string | null;
  createdAt: string;
}
interface Page {
  contacts: Listed[];
  total: number;
  limit: number;
  offset: number;
  nextCursor: string | null;
}
type SortField = "createdAt" | "name" | "email";
type SortOrder = "asc" | "desc";

const NAMES = ["aaron x", "Zoe", "Émile", "Emile", "emile", "adam", "Adam", "Zechariah", "_x", "Ørjan", "ﬁona", "Fiona", "Ångström", "zoë", null, null];
const EMAILS = ["john@example.com", "Zechariah@example.com", "ZOE@example.com", "zoe@example.com", "Adam@example.com", "aaron@example.com", null];

let tenant: Tenant;
let contacts: Listed[];


function expectedOrder(field: SortField, order: SortOrder): string[] {
  const value = (c: Listed) => (field === "createdAt" ? c.createdAt : c[field]);
  const present = contacts.filter((c) => value(c) !== null);
  const sign = order === "asc" ? 1 : -1;
  present.sort((a, b) => {
    const [x, y] = [value(a)!, value(b)!];
    return sign * ((field === "createdAt" ? byteOrder(x, y) : readOrder(x, y)) || byteOrder(a.id, b.id));
  });
  const missing = contacts.filter((c) => value(c) === null).sort((a, b) => sign * byteOrder(a.id, b.id));
  return [...present, ...missing].map((c) => c.id);
}

async function list(api: ReturnType<typeof client>, query: string): Promise<Page> {
  return expectSuccess(await api.get(`/v1/contacts${query}`)) as Page;
}

async function walkByCursor(api: ReturnType<typeof client>, query: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let page = await list(api, query);
  let pages = 1;
  ids.push(...page.contacts.map((c) => c.id));
  while (page.nextCursor !== null) {
    page = await list(api, `${query}&cursor=${encodeURIComponent(page.nextCursor)}`);
    expect(page.offset).toBe(0);
    ids.push(...page.contacts.map((c) => c.id));
    pages++;
  }
  return { ids, pages };
}

beforeAll(async () => {
  tenant = await createTenant("Sort and cursor");
  const api = client(tenant.apiKey);
  contacts = [];
  for (let i = 0; i < NAMES.length; i++) {
    const body = { chatbotId: tenant.chatbotIds[i % 2], name: NAMES[i], email: EMAILS[i % EMAILS.length] };
    contacts.push((expectSuccess(await api.post("/v1/contacts", { body }), 201) as { contact: Listed }).contact);
  }
});

const sorts: Array<[SortField, SortOrder]> = [
  ["name", "asc"],
  ["name", "desc"],
  ["email", "asc"],
  ["email", "desc"],
  ["createdAt", "asc"],
  ["createdAt", "desc"],
];

describe("sort order people expect", () => {
  it("names: lower case, accents and compatibility forms sort with their plain letters", async () => {
    const page = await list(client(await newKeyFor(tenant)), "?sortBy=name&sortOrder=asc");
    const names = page.contacts.map((c) => c.name);
    expect(names.slice(0, 5)).toEqual(["_x", "aaron x", "Adam", "adam", "Ångström"]);
    expect(names.indexOf("aaron x")).toBeLessThan(names.indexOf("Zoe"));
    // Émile sits with Emile (folded alike: by the stored text, which puts E before e before É).
    expect(names.slice(names.indexOf("Emile"), names.indexOf("Emile") + 3)).toEqual(["Emile", "emile", "Émile"]);
    expect(names.slice(-2)).toEqual([null, null]);
  });

  it("emails: john@ comes after Zechariah@ in Z→A, as people read it", async () => {
    const page = await list(client(await newKeyFor(tenant)), "?sortBy=email&sortOrder=desc");
    const emails = page.contacts.map((c) => c.email).filter((e) => e !== null);
    expect(emails.indexOf("Zechariah@example.com")).toBeLessThan(emails.indexOf("john@example.com"));
  });

  it.each(sorts)("sortBy=%s sortOrder=%s follows the contract's rule exactly, by offset and by cursor", async (field, order) => {
    const api = client(await newKeyFor(tenant));
    const expected = expectedOrder(field, order);
    const whole = await list(api, `?sortBy=${field}&sortOrder=${order}`);
    expect(whole.contacts.map((c) => c.id)).toEqual(expected);
    expect(whole.nextCursor).toBeNull();
    const offsetPage = await list(api, `?sortBy=${field}&sortOrder=${order}&limit=4&offset=5`);
    expect(offsetPage.contacts.map((c) => c.id)).toEqual(expected.slice(5, 9));
    const walk = await walkByCursor(api, `?sortBy=${field}&sortOrder=${order}&limit=3`);
    expect(walk.ids).toEqual(expected);
    expect(walk.pages).toBe(Math.ceil(expected.length / 3));
  });
});

describe("cursor pagination", () => {
  it("a cursor from an offset page continues after that page", async () => {
    const api = client(await newKeyFor(tenant));
    const expected = expectedOrder("name", "asc");
    const page = await list(api, "?sortBy=name&sortOrder=asc&limit=5&offset=10");
    const next = await list(api, `?sortBy=name&sortOrder=asc&limit=5&cursor=${encodeURIComponent(page.nextCursor!)}`);
    expect(next.contacts.map((c) => c.id)).toEqual(expected.slice(15, 20));
  });

  it("walks a search and a chatbot filter, and the limit may change between pages", async () => {
    const api = client(await newKeyFor(tenant));
    const filtered = await list(api, `?chatbotId=${tenant.chatbotIds[0]}&search=e&sortBy=email&sortOrder=asc`);
    const first = await list(api, `?chatbotId=${tenant.chatbotIds[0]}&search=e&sortBy=email&sortOrder=asc&limit=2`);
    const rest = await list(api, `?chatbotId=${tenant.chatbotIds[0]}&search=e&sortBy=email&sortOrder=asc&limit=50&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect([...first.contacts, ...rest.contacts].map((c) => c.id)).toEqual(filtered.contacts.map((c) => c.id));
    expect(rest.nextCursor).toBeNull();
  });

  it("refuses a cursor with offset, for another listing, altered, or malformed: validation_error on cursor", async () => {
    const api = client(await newKeyFor(tenant));
    const { nextCursor } = await list(api, "?sortBy=name&limit=2&search=a");
    const cursor = encodeURIComponent(nextCursor!);
    const refused = async (query: string) => {
      const error = expectError(await api.get(`/v1/contacts${query}`), 400, "validation_error");
      expect(Object.keys(error.details ?? {})).toEqual(["cursor"]);
    };
    await refused(`?sortBy=name&search=a&cursor=${cursor}&offset=0`);
    await refused(`?sortBy=name&search=a&cursor=${cursor}&offset=2`);
    await refused(`?sortBy=name&search=b&cursor=${cursor}`);
    await refused(`?sortBy=name&cursor=${cursor}`);
    await refused(`?sortBy=email&search=a&cursor=${cursor}`);
    await refused(`?sortBy=name&sortOrder=asc&search=a&cursor=${cursor}`);
    await refused(`?sortBy=name&search=a&chatbotId=${tenant.chatbotIds[0]}&cursor=${cursor}`);
    const [payload, signature] = nextCursor!.split(".");
    const altered = Buffer.from(Buffer.from(payload, "base64url").toString().replace(/"contact_/, '"contact_0')).toString("base64url");
    await refused(`?sortBy=name&search=a&cursor=${altered}.${signature}`);
    await refused(`?sortBy=name&search=a&cursor=${payload}`);
    await refused(`?sortBy=name&search=a&cursor=${cursor}x`);
    await refused("?cursor=");
    await refused("?cursor=abc");
    await refused(`?cursor=${"a".repeat(3000)}`);
  });

  it("a cursor of another workspace is refused", async () => {
    const other = await createTenant("Other workspace");
    const api = client(other.apiKey);
    await api.post("/v1/contacts", { body: { chatbotId: other.chatbotIds[0], name: "A" } });
    await api.post("/v1/contacts", { body: { chatbotId: other.chatbotIds[0], name: "B" } });
    const { nextCursor } = await list(api, "?limit=1");
    const error = expectError(await client(await newKeyFor(tenant)).get(`/v1/contacts?limit=1&cursor=${encodeURIComponent(nextCursor!)}`), 400, "validation_error");
    expect(Object.keys(error.details ?? {})).toEqual(["cursor"]);
  });
});

describe("a walk by cursor while others write", () => {
  const TOTAL = 10_000;
  let busy: Tenant;
  let doomed: string[];
  let stable: string[];

  beforeAll(async () => {
    busy = await createTenant("Busy workspace");
    const base = Date.UTC(2026, 0, 1);
    // Runs of equal createdAt and of equal names, and contacts without a name: ties and the null group are crossed.
    const rows = Array.from({ length: TOTAL }, (_, i) =>
      newContactRow(busy.workspaceId, { chatbotId: busy.chatbotIds[i % 2], name: i % 9 === 0 ? null : `Person ${i % 700}` }, new Date(base + Math.floor(i / 4) * 1000).toISOString()),
    );
    await insertContacts(testStore(), rows);
    doomed = rows.filter((_, i) => i % 50 === 7).map((row) => row.id);
    stable = rows.filter((_, i) => i % 50 !== 7).map((row) => row.id);
  });

  it.each([
    ["createdAt", "desc"],
    ["name", "asc"],
  ] as const)("by %s %s returns every contact that existed throughout exactly once", async (sortBy, sortOrder) => {
    const reader = client(await newKeyFor(busy));
    const writer = client(await newKeyFor(busy));
    const toDelete = doomed.splice(0, doomed.length / 2);
    let walking = true;
    // Another client creates, changes and deletes contacts until the walk ends (within its budget of requests).
    const writes = (async () => {
      let requests = 0;
      while (walking && requests < 90) {
        const created = expectSuccess(await writer.post("/v1/contacts", { body: { chatbotId: busy.chatbotIds[0], name: `Newcomer ${requests}` } }), 201) as { contact: Listed };
        const victim = toDelete.pop();
        const changed = stable[(requests * 97) % stable.length];
        await Promise.all([
          writer.patch(`/v1/contacts/${changed}`, { body: { metadata: { touched: requests } } }),
          victim ? writer.delete(`/v1/contacts/${victim}`) : writer.delete(`/v1/contacts/${created.contact.id}`),
        ]);
        requests += 3;
      }
      return requests;
    })();
    const seen: string[] = [];
    let page = await list(reader, `?sortBy=${sortBy}&sortOrder=${sortOrder}&limit=250`);
    seen.push(...page.contacts.map((c) => c.id));
    while (page.nextCursor) {
      page = await list(reader, `?sortBy=${sortBy}&sortOrder=${sortOrder}&limit=250&cursor=${encodeURIComponent(page.nextCursor)}`);
      seen.push(...page.contacts.map((c) => c.id));
    }
    walking = false;
    expect(await writes).toBeGreaterThan(3);
    const repeated = seen.filter((id, i) => seen.indexOf(id) !== i);
    expect(repeated).toEqual([]);
    const seenIds = new Set(seen);
    expect(stable.filter((id) => !seenIds.has(id))).toEqual([]);
  });
});
