import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatbot } from "../../lib/chatbots/repository";
import { databaseConfig } from "../../lib/config";
import { countContacts, deleteContactRow, insertContacts, listContacts } from "../../lib/contacts/repository";
import { newContactRow } from "../../lib/contacts/service";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { parseJsonText } from "../../lib/json-text";
import { createWorkspace } from "../../lib/workspaces/repository";
import { temporaryDatabaseUrl } from "../support/server";

// Search totals and pages on SQLite take shortcuts: the trigram index's own count while the
// workspace is the only one with contacts, and a walk of the sort index for a term with many
// matches. Each shortcut must give exactly what checking every contact gives, before and after
// another workspace gets contacts that match too.

let store: Store;
beforeAll(async () => {
  store = await openMigratedStore(databaseConfig({ DATABASE_URL: temporaryDatabaseUrl("search-totals") }));
});
afterAll(() => store.db.destroy());

const NAMES = ["Anna Smith", "Jonas Smithson", "Åsa Ångström", "Bob Stone", "Carla Smit", "Dana Blacksmith", "Eve Ström", null];

async function addContacts(workspaceId: string, count: number): Promise<void> {
  const chatbot = await createChatbot(store, workspaceId, "bot");
  const rows = Array.from({ length: count }, (_, i) => {
    const name = NAMES[i % NAMES.length];
    const email = i % 3 === 0 ? `user${i}@gmail.com` : `person${i}@example.org`;
    return newContactRow(workspaceId, { chatbotId: chatbot.id, name: name ?? undefined, email }, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString());
  });
  await insertContacts(store, rows);
}

/** What a search must find: every contact of the workspace checked one by one. */
async function expected(workspaceId: string, term: string): Promise<string[]> {
  const all = await store.db.selectFrom("contacts").select(["id", "name", "email", "created_at"]).where("workspace_id", "=", workspaceId).execute();
  const folded = term.toLowerCase();
  return all
    .filter((c) => (c.name ?? "").toLowerCase().includes(folded) || (c.email ?? "").toLowerCase().includes(folded))
    .sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1))
    .map((c) => c.id);
}

const TERMS = ["smith", "SMITH", "gmail", "ström", "ÅNGSTRÖM", "an", "xyz-none", "example.org"];

async function expectSearchesExact(workspaceId: string): Promise<void> {
  for (const term of TERMS) {
    const ids = await expected(workspaceId, term);
    const total = await countContacts(store, { workspaceId, search: term });
    expect(total, `total for "${term}"`).toBe(ids.length);
    const page = { sortBy: "createdAt", sortOrder: "desc", limit: 50, offset: 10 } as const;
    // Both plans of a page: as for many matches (walk the sort index) and as for few (sort the matches).
    for (const matches of [total, 1_000_000]) {
      const rows = await listContacts(store, { workspaceId, search: term }, page, matches);
      expect(rows.map((r) => parseJsonText(r.json).id), `page for "${term}" (${matches} matches)`).toEqual(ids.slice(10, 60));
    }
  }
}

describe("SQLite search totals and pages", () => {
  let first: string;

  it("are exact while one workspace holds every contact (the trigram index counts alone)", async () => {
    first = (await createWorkspace(store, "Only")).id;
    await addContacts(first, 400);
    await expectSearchesExact(first);
  });

  it("stay exact once another workspace has matching contacts, and after it has none again", async () => {
    const second = (await createWorkspace(store, "Second")).id;
    await addContacts(second, 150);
    await expectSearchesExact(first);
    await expectSearchesExact(second);
    const others = await store.db.selectFrom("contacts").select("id").where("workspace_id", "=", second).execute();
    for (const { id } of others) await deleteContactRow(store, second, id);
    await expectSearchesExact(first);
  });
});
