import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatbot } from "../../lib/chatbots/repository";
import { databaseConfig } from "../../lib/config";
import { createContact, getContact, listContactConversations, listContacts, updateContact, type WrittenContact } from "../../lib/contacts/service";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { insertEndpoint } from "../../lib/webhooks/endpoint-repository";
import { createWorkspace } from "../../lib/workspaces/repository";
import { temporaryDatabaseUrl } from "../support/server";

// SQLite 3.54 compiles a statement again on every run when its LIMIT or a LIKE pattern is a bound
// parameter (better-sqlite3 binds each call's values afresh): the statements the API runs on every
// request write those into their SQL. The same holds for `column = ?` in a statement with ORDER BY
// and LIMIT (lib/db/sqlite-dialect.ts): values compared for equality are written `+?`. Checked on
// the statements SQLite actually runs.

let store: Store;
beforeAll(async () => {
  store = await openMigratedStore(databaseConfig({ DATABASE_URL: temporaryDatabaseUrl("statement-texts") }));
});
afterAll(() => store.db.destroy());

/** The SQL of every statement run during `work`. */
async function statementsRunBy(work: () => Promise<unknown>): Promise<string[]> {
  const scratch = new SQLite(":memory:");
  const prototype = Object.getPrototypeOf(scratch.prepare("select 1")) as SQLite.Statement;
  scratch.close();
  const methods = ["all", "get", "run", "iterate"] as const;
  const originals = methods.map((name) => prototype[name]);
  const texts: string[] = [];
  methods.forEach((name, index) => {
    (prototype as unknown as Record<string, unknown>)[name] = function (this: SQLite.Statement, ...args: unknown[]) {
      texts.push(this.source);
      return (originals[index] as (...a: unknown[]) => unknown).apply(this, args);
    };
  });
  try {
    await work();
  } finally {
    methods.forEach((name, index) => ((prototype as unknown as Record<string, unknown>)[name] = originals[index]));
  }
  return texts;
}

describe("statements run per request on SQLite", () => {
  it("carry no LIMIT, no LIKE pattern and no equality on a bare parameter", async () => {
    const workspace = await createWorkspace(store, "Statements");
    const chatbot = await createChatbot(store, workspace.id, "bot");
    // Straight into the table: the service would resolve the destination's name, and no network is needed here.
    const now = new Date().toISOString();
    const endpoint = { url: "https://hooks.example.com/", description: null, events: '["contact.updated"]', enabled: 1, secret: "whsec_test" };
    await insertEndpoint(store, { workspace_id: workspace.id, id: "whep_statements", ...endpoint, created_at: now, updated_at: now });
    const contacts: WrittenContact[] = [];
    for (let i = 0; i < 5; i++) contacts.push(await createContact(store, workspace.id, { chatbotId: chatbot.id, name: `Person ${i}` }));

    const texts = await statementsRunBy(async () => {
      const first = JSON.parse(await listContacts(store, workspace.id, { limit: 2, sortBy: "name", sortOrder: "asc" })) as { nextCursor: string };
      await listContacts(store, workspace.id, { limit: 2, sortBy: "name", sortOrder: "asc", cursor: first.nextCursor });
      await listContacts(store, workspace.id, { limit: 3, sortBy: "createdAt", sortOrder: "desc", offset: 1 });
      await getContact(store, workspace.id, contacts[0].id);
      await updateContact(store, workspace.id, contacts[0].id, { metadata: { plan: "pro" } });
      await listContactConversations(store, workspace.id, contacts[0].id, { limit: 10, offset: 0 });
    });

    expect(texts.filter((text) => /\blimit\b/i.test(text)).length).toBeGreaterThanOrEqual(4);
    expect(texts.filter((text) => /\blike\b/i.test(text)).length).toBeGreaterThanOrEqual(2);
    expect(texts.filter((text) => /\blimit\s+\?/i.test(text))).toEqual([]);
    expect(texts.filter((text) => /\blike\s+\?/i.test(text))).toEqual([]);
    // Equalities in WHERE (and ON) compare with `+?`; `set "x" = ?` of an UPDATE is no comparison.
    const conditions = (text: string) => text.slice(Math.max(0, text.search(/\bwhere\b/i)));
    expect(texts.filter((text) => /(=|\bis)\s+\+\?/i.test(conditions(text))).length).toBeGreaterThanOrEqual(5);
    expect(texts.filter((text) => /(=|\bis)\s+\?/i.test(conditions(text)))).toEqual([]);
  });
});
