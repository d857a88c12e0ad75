import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatbot } from "../../lib/chatbots/repository";
import { databaseConfig } from "../../lib/config";
import { insertContacts } from "../../lib/contacts/repository";
import { listContacts, newContactRow } from "../../lib/contacts/service";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { parseJsonText } from "../../lib/json-text";
import { createWorkspace } from "../../lib/workspaces/repository";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/backend";

// A search beside a metadata filter, both matching thousands of contacts. On SQLite the two
// `in (…)` conditions once made one lookup per pair of a matching id and a matching seq in the
// (workspace_id, id) index: 11 s for 7,000 contacts. The totals must be exact, and SQLite's plan
// must look up each contact once.

let database: TestDatabase;
let store: Store;
let workspaceId: string;

beforeAll(async () => {
  database = await createTestDatabase("search-metadata");
  store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
  workspaceId = (await createWorkspace(store, "Search and metadata")).id;
  const chatbot = await createChatbot(store, workspaceId, "bot");
  const rows = Array.from({ length: 7_000 }, (_, i) =>
    newContactRow(workspaceId, { chatbotId: chatbot.id, name: `Kestrel ${i}`, email: `kestrel${i}@example.com`, metadata: { plan: i % 7 === 0 ? "free" : "pro" } }),
  );
  await insertContacts(store, rows);
});
afterAll(async () => {
  await store.db.destroy();
  await database.drop();
});

const total = async (search: string, metadataValue: string) =>
  parseJsonText(await listContacts(store, workspaceId, { search, metadataKey: "plan", metadataValue, limit: 5, offset: 0, sortBy: "name", sortOrder: "asc" })).total;

describe("search beside a metadata filter", () => {
  it("counts the contacts matching both, for a long term and a short one", async () => {
    expect(await total("kestrel", "pro")).toBe(6_000);
    expect(await total("kestrel", "free")).toBe(1_000);
    expect(await total("el 69", "free")).toBe(15); // of 69, 690-699 and 6,900-6,999, the multiples of 7
    expect(await total("st", "free")).toBe(1_000);
  });

  it.runIf(testBackend() === "sqlite")("SQLite looks up each contact once, not each pair of an id and a seq", async () => {
    const database = store.sqlite!.session.database;
    const prepare = database.prepare.bind(database);
    const statements: string[] = [];
    database.prepare = ((source: string) => (statements.push(source), prepare(source))) as typeof database.prepare;
    try {
      await total("kestrel", "pro");
    } finally {
      database.prepare = prepare;
    }
    // The plan does not depend on the values: each parameter is bound to null.
    const planOf = (source: string) => prepare(`explain query plan ${source}`).all(...(source.match(/\?/g) ?? []).map(() => null));
    const plans = statements.map((source) => planOf(source).map((row) => (row as { detail: string }).detail).join("\n"));
    expect(plans.join("\n")).toContain("contact_metadata");
    for (const plan of plans) expect(plan).not.toMatch(/id=\? AND rowid=\?/);
  });
});
