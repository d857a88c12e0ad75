import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatbot } from "../../lib/chatbots/repository";
import { countedContacts } from "../../lib/contacts/contact-counts";
import { listContacts } from "../../lib/contacts/service";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { databaseConfig } from "../../lib/config";
import { importContacts } from "../../lib/import/import-contacts";
import type { SourceRow } from "../../lib/import/read-rows";
import { parseJsonText } from "../../lib/json-text";
import { createWorkspace } from "../../lib/workspaces/repository";
import { createTestDatabase, type TestDatabase } from "../support/backend";

// An import into an empty contacts table takes its own path (rows first, the search index built
// once at the end, all in one transaction); one beside existing contacts indexes batch by batch.
// Both must leave every row searchable, its metadata filterable, and the counts right.

let database: TestDatabase;
let store: Store;
let workspaceId: string;
let chatbotIds: string[];

beforeAll(async () => {
  database = await createTestDatabase("import-paths");
  store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
  workspaceId = (await createWorkspace(store, "Import paths")).id;
  chatbotIds = [(await createChatbot(store, workspaceId, "One")).id, (await createChatbot(store, workspaceId, "Two")).id];
});
afterAll(async () => {
  await store.db.destroy();
  await database.drop();
});

async function* rowsNamed(prefix: string, count: number): AsyncIterable<SourceRow> {
  for (let i = 0; i < count; i++) {
    const metadata = {
      [`${prefix} tier`]: i % 3 === 0 ? "Gold Ünit" : "basic",
      [`${prefix} seats`]: i,
      [`${prefix} vip`]: i % 2 === 0,
      ...(i === 7 ? { ["__proto__"]: `${prefix} kept` } : {}),
    };
    yield { line: i + 1, value: { chatbotId: chatbotIds[i % 2], name: `${prefix} ${i}`, email: `${prefix.toLowerCase()}${i}@example.com`, metadata } };
  }
}

async function searchTotal(search: string): Promise<number> {
  const query = { search, limit: 1, offset: 0, chatbotId: undefined, sortBy: "name", sortOrder: "asc" } as const;
  return parseJsonText(await listContacts(store, workspaceId, query)).total;
}

async function metadataTotal(metadataKey: string, metadataValue: string): Promise<number> {
  const query = { metadataKey, metadataValue, limit: 1, offset: 0, chatbotId: undefined, sortBy: "name", sortOrder: "asc" } as const;
  return parseJsonText(await listContacts(store, workspaceId, query)).total;
}

/** The metadata of a load's rows, as the metadata filters find it. */
async function expectMetadataFiltered(prefix: string, count: number): Promise<void> {
  expect(await metadataTotal(`${prefix} tier`, "gold unit")).toBe(Math.ceil(count / 3));
  expect(await metadataTotal(`${prefix} tier`, "BASIC")).toBe(count - Math.ceil(count / 3));
  expect(await metadataTotal(`${prefix} seats`, "42")).toBe(1);
  expect(await metadataTotal(`${prefix} vip`, "true")).toBe(Math.ceil(count / 2));
  expect(await metadataTotal("__proto__", `${prefix} kept`)).toBe(1);
}

describe("import load paths", () => {
  it("into an empty table: every row is searchable and counted", async () => {
    expect(await importContacts(store, workspaceId, rowsNamed("Alphaload", 7_000))).toEqual({ imported: 7_000, rejected: [] });
    expect(await searchTotal("phaloa")).toBe(7_000);
    expect(await searchTotal("Alphaload 6999")).toBe(1);
    expect(await searchTotal("alphaload4321@")).toBe(1);
    expect(await countedContacts(store, workspaceId, chatbotIds[0])).toBe(3_500);
    expect(await countedContacts(store, workspaceId)).toBe(7_000);
    await expectMetadataFiltered("Alphaload", 7_000);
  });

  it("beside existing contacts: the new rows are searchable and counted, the old ones still are", async () => {
    expect(await importContacts(store, workspaceId, rowsNamed("Betaload", 6_001))).toEqual({ imported: 6_001, rejected: [] });
    expect(await searchTotal("etaloa")).toBe(6_001);
    expect(await searchTotal("Betaload 6000")).toBe(1);
    expect(await searchTotal("phaloa")).toBe(7_000);
    expect(await countedContacts(store, workspaceId, chatbotIds[0])).toBe(3_500 + 3_001);
    expect(await countedContacts(store, workspaceId)).toBe(13_001);
    await expectMetadataFiltered("Betaload", 6_001);
    await expectMetadataFiltered("Alphaload", 7_000);
  });
});
