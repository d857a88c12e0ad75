import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { client, expectError, expectSuccess } from "../support/api";
import { readOrder } from "../support/read-order";
import { createTenant, newKeyFor, type Tenant } from "../support/fixtures";

// Contacts whose names would be matched wrongly if `%`, `_` or `\` were wildcards, or if a term
// were read as full-text query syntax; each pair differs only where a wildcard would blur them.

interface Listed {
  id: string;
  chatbotId: string;
  name: string | null;
  email: string | null;
}

const PEOPLE: Array<{ name: string | null; email: string | null; bot: 0 | 1 }> = [
  { name: "Jane Smith", email: "jane@example.com", bot: 0 },
  { name: "John Doe", email: "john.doe@example.org", bot: 1 },
  { name: null, email: "only.email@EXAMPLE.org", bot: 0 },
  { name: "100% pure", email: "pure@shop.test", bot: 0 },
  { name: "1000 pure", email: null, bot: 0 },
  { name: "snake_case", email: null, bot: 0 },
  { name: "snakeXcase", email: null, bot: 0 },
  { name: "back\\slash", email: null, bot: 0 },
  { name: "backslash", email: null, bot: 0 },
  { name: 'Say "hi" now', email: null, bot: 0 },
  { name: "Rock AND Roll", email: null, bot: 0 },
  { name: "Anderson Cooper", email: "anderson@news.test", bot: 1 },
  { name: "Star*Fish", email: null, bot: 0 },
  { name: "Nearby Shop", email: "near@shop.test", bot: 1 },
  { name: "Zoë Ångström", email: "zoe@umlaut.test", bot: 0 },
  { name: "Marie Curie", email: "MARIE@LAB.TEST", bot: 1 },
];

let tenant: Tenant;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  tenant = await createTenant("Search contacts");
  const setup = client(tenant.apiKey);
  for (const person of PEOPLE) {
    const body = { chatbotId: tenant.chatbotIds[person.bot], name: person.name, email: person.email };
    expectSuccess(await setup.post("/v1/contacts", { body }), 201);
  }
});
// A key per test: the file's requests stay inside each key's 100-a-minute budget.
beforeEach(async () => {
  api = client(await newKeyFor(tenant));
});

const label = (c: { name: string | null; email: string | null }) => c.name ?? c.email ?? "";

async function search(term: string, extra = "") {
  const data = expectSuccess(await api.get(`/v1/contacts?search=${encodeURIComponent(term)}&limit=500${extra}`));
  return data as { contacts: Listed[]; total: number; limit: number; offset: number };
}

/** Labels of the contacts found, sorted, with `total` checked against them. */
async function found(term: string): Promise<string[]> {
  const data = await search(term);
  expect(data.total).toBe(data.contacts.length);
  return data.contacts.map(label).sort();
}

/** The contract's rule, written out: a case-insensitive substring of name or email. */
function reference(term: string): string[] {
  const t = term.trim().toLowerCase();
  return PEOPLE.filter((p) => (p.name ?? "").toLowerCase().includes(t) || (p.email ?? "").toLowerCase().includes(t))
    .map(label)
    .sort();
}

describe("GET /v1/contacts?search=", () => {
  it("matches a case-insensitive substring of the name", async () => {
    expect(await found("ANE SMI")).toEqual(["Jane Smith"]);
    expect(await found("jane smith")).toEqual(["Jane Smith"]);
    expect(await found("cURIE")).toEqual(["Marie Curie"]);
  });

  it("matches a case-insensitive substring of the email, stored as given", async () => {
    expect(await found("EXAMPLE.ORG")).toEqual(["John Doe", "only.email@EXAMPLE.org"]);
    expect(await found("marie@lab")).toEqual(["Marie Curie"]);
    const [marie] = (await search("marie@lab")).contacts;
    expect(marie.email).toBe("MARIE@LAB.TEST");
  });

  it.each(["j", "J", "o", "z", "@", ".", "oe", "SH", "e.", "jan", "DOE", "shop", "example", "s.test", "Smith", "ROCK AND ROLL"])(
    "finds exactly the contacts containing %j",
    async (term) => {
      const expected = reference(term);
      expect(expected.length).toBeGreaterThan(0);
      expect(await found(term)).toEqual(expected);
    },
  );

  it("finds terms of 1, 2, 3 and more characters", async () => {
    expect(await found("q")).toEqual([]);
    expect(await found("W")).toEqual(["Anderson Cooper", 'Say "hi" now']);
    expect(await found("Hn")).toEqual(["John Doe"]);
    expect(await found("y S")).toEqual(["Nearby Shop"]);
    expect(await found("HN.DOE")).toEqual(["John Doe"]);
  });

  it.each(["", " ", "   ", "%20%09"])("treats a blank search %j as no filter", async (term) => {
    const data = expectSuccess(await api.get(`/v1/contacts?search=${term}`));
    expect(data.total).toBe(PEOPLE.length);
    expect(data.contacts).toHaveLength(PEOPLE.length);
  });

  it("trims the term", async () => {
    expect(await found("  jane  ")).toEqual(["Jane Smith"]);
  });

  const literal: Array<[string, string[]]> = [
    ["%", ["100% pure"]],
    ["0%", ["100% pure"]],
    ["0% p", ["100% pure"]],
    ["00% pure", ["100% pure"]],
    ["_", ["snake_case"]],
    ["e_", ["snake_case"]],
    ["e_c", ["snake_case"]],
    ["snake_case", ["snake_case"]],
    ["\\", ["back\\slash"]],
    ["\\s", ["back\\slash"]],
    ["k\\s", ["back\\slash"]],
    ["back\\slash", ["back\\slash"]],
    ["\\%", []],
    ["k\\_", []],
    ["%_%", []],
    ["a%e", []],
  ];
  it.each(literal)("matches %j literally", async (term, expected) => {
    expect(await found(term)).toEqual(expected);
  });

  const syntax: Array<[string, string[]]> = [
    ['"', ['Say "hi" now']],
    ['"h', ['Say "hi" now']],
    ['"hi"', ['Say "hi" now']],
    ['y "hi" n', ['Say "hi" now']],
    ['a"b', []],
    ['"Jane"', []],
    ["AND", ["Anderson Cooper", "Rock AND Roll"]],
    ["k AND R", ["Rock AND Roll"]],
    ["Jane AND Smith", []],
    ["Jane OR John", []],
    ["NOT", []],
    ["*", ["Star*Fish"]],
    ["r*", ["Star*Fish"]],
    ["r*F", ["Star*Fish"]],
    ["Sta*", []],
    ["jan*", []],
    ["NEAR(", []],
    ["NEAR(Jane Smith)", []],
    ["near", ["Nearby Shop"]],
    ["name:Jane", []],
    ["-John", []],
    ["^Jane", []],
    ["(", []],
    ["{name email}: jane", []],
  ];
  it.each(syntax)("treats %j as plain text", async (term, expected) => {
    expect(await found(term)).toEqual(expected);
  });

  it.each(["ZOË", "zoë", "ÅNGSTRÖM", "ångström", "Ë Å", "zoë ång", "Ë", "å", "ån", "OË"])("finds a non-ASCII name by %j", async (term) => {
    expect(await found(term)).toEqual(["Zoë Ångström"]);
  });

  it("combines with the chatbotId filter, and total counts both", async () => {
    const data = await search("example", `&chatbotId=${tenant.chatbotIds[1]}`);
    expect(data.total).toBe(1);
    expect(data.contacts.map(label)).toEqual(["John Doe"]);
    const other = await search("example", `&chatbotId=${tenant.chatbotIds[0]}`);
    expect(other.contacts.map(label).sort()).toEqual(["Jane Smith", "only.email@EXAMPLE.org"]);
    expect(other.total).toBe(2);
    expect(await search("example", "&chatbotId=chatbot_doesnotexist")).toMatchObject({ contacts: [], total: 0 });
  });

  it("combines with sorting and paging, with total counting every match", async () => {
    const matches = PEOPLE.filter((p) => reference("e").includes(label(p)));
    const byName = matches.map((p) => p.name).filter((n): n is string => n !== null).sort(readOrder).reverse();
    const expectedOrder = [...byName, ...matches.filter((p) => p.name === null).map(label)];
    const first = expectSuccess(await api.get("/v1/contacts?search=e&sortBy=name&sortOrder=desc&limit=4"));
    expect(first).toMatchObject({ total: matches.length, limit: 4, offset: 0 });
    expect(first.contacts.map(label)).toEqual(expectedOrder.slice(0, 4));
    const last = expectSuccess(await api.get(`/v1/contacts?search=e&sortBy=name&sortOrder=desc&limit=4&offset=${matches.length - 2}`));
    expect(last).toMatchObject({ total: matches.length, offset: matches.length - 2 });
    expect(last.contacts.map(label)).toEqual(expectedOrder.slice(-2));
    expect(last.contacts.at(-1).name).toBeNull();

    const byEmail = await search("shop", "&sortBy=email&sortOrder=asc");
    expect(byEmail.contacts.map((c) => c.email)).toEqual(["near@shop.test", "pure@shop.test"]);
    expect(byEmail.total).toBe(2);
  });

  it("follows a rename and a delete", async () => {
    const created = expectSuccess(
      await api.post("/v1/contacts", { body: { chatbotId: tenant.chatbotIds[0], name: "Quentin Ghost", email: "qg@ghost.test" } }),
      201,
    ).contact;
    expect(await found("quentin")).toEqual(["Quentin Ghost"]);
    expectSuccess(await api.patch(`/v1/contacts/${created.id}`, { body: { name: "Wilhelmina Ghost", email: null } }));
    expect(await found("quentin")).toEqual([]);
    expect(await found("qg@")).toEqual([]);
    expect(await found("helmina gh")).toEqual(["Wilhelmina Ghost"]);
    expectSuccess(await api.delete(`/v1/contacts/${created.id}`));
    expect(await found("helmina")).toEqual([]);
    expect(await found("gh")).toEqual([]);
  });

  it("rejects a search of 201 characters naming search", async () => {
    const error = expectError(await api.get(`/v1/contacts?search=${"b".repeat(201)}`), 400, "validation_error");
    expect(error.details).toEqual({ search: expect.any(String) });
  });
});
