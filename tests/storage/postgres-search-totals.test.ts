import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatbot } from "../../lib/chatbots/repository";
import { databaseConfig } from "../../lib/config";
import { countContacts, deleteContactRow, insertContacts, updateContactRow } from "../../lib/contacts/repository";
import { searchCountQuery } from "../../lib/contacts/search/postgres-search-count";
import { newContactRow } from "../../lib/contacts/service";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";
import { createWorkspace } from "../../lib/workspaces/repository";
import { createTestDatabase, postgresAvailability, type TestDatabase } from "../support/backend";

// PostgreSQL counts a search's matches from contact_search, split at the email's last `@`, and from
// the per-domain counts of contact_search_domains. Whatever the term (inside a domain, across the
// `@`, with several `@`, with LIKE's own characters), the total must be what checking every
// contact gives, also after updates and deletes and beside another workspace.

const postgres = await postgresAvailability();
if (!postgres.available) console.warn(`⚠ PostgreSQL search totals test SKIPPED: ${postgres.reason}`);

const CONTACTS: [string | null, string | null][] = [
  ["Anna Smith", "anna.smith67@gmail.com"],
  ["Bob Gmail", "bob@GMAIL.com"],
  ["Carla", "carla@gmail.co.uk"],
  ["Dana", "\"dana@home\"@example.org"],
  ["Eve@Work", "eve@"],
  ["Åsa Ångström", "asa@ångström.se"],
  ["Frank", "no-at-sign.gmail.com"],
  [null, "nameless@gmail.com"],
  ["No Email", null],
  ["Gil 100%_done\\", "gil@percent.example"],
  [null, null],
  ["Hal", "hal@@gmail.com"],
];

const TERMS = [
  "gmail", "GMAIL", "gmail.com", "@gmail.com", "@gmail", "@", "@@", "67@gmail", "smith67@", "a@", "@home", "home\"@ex",
  "com", ".co", "ström", "ÅNGSTRÖM", "@ångström", "eve@", "work", "100%", "%", "_", "\\", "a", "xyz-none", "\n", "a\nb",
];

function matches([name, email]: [string | null, string | null], term: string): boolean {
  const folded = term.toLowerCase();
  return (name ?? "").toLowerCase().includes(folded) || (email ?? "").toLowerCase().includes(folded);
}

describe.skipIf(!postgres.available)("PostgreSQL search totals", () => {
  let database: TestDatabase;
  let store: Store;
  const contacts = new Map<string, Map<string, [string | null, string | null]>>();

  beforeAll(async () => {
    database = await createTestDatabase("search_totals", "postgres");
    store = await openMigratedStore(databaseConfig({ DATABASE_URL: database.url }));
  });
  afterAll(async () => {
    await store?.db.destroy();
    await database?.drop();
  });

  async function addWorkspace(label: string, copies: number): Promise<string> {
    const workspaceId = (await createWorkspace(store, label)).id;
    const chatbot = await createChatbot(store, workspaceId, "Bot");
    const rows = Array.from({ length: copies }, () => CONTACTS.map(([name, email]) => newContactRow(workspaceId, { chatbotId: chatbot.id, name: name ?? undefined, email: email ?? undefined }))).flat();
    await writeTransaction(store, (tx) => insertContacts(tx, rows));
    contacts.set(workspaceId, new Map(rows.map((row) => [row.id, [row.name ?? null, row.email ?? null]])));
    return workspaceId;
  }

  async function expectTotalsExact(workspaceId: string): Promise<void> {
    const all = [...contacts.get(workspaceId)!.values()];
    for (const term of TERMS) {
      expect(await countContacts(store, { workspaceId, search: term }), `total for ${JSON.stringify(term)}`).toBe(all.filter((c) => matches(c, term)).length);
    }
  }

  it("are exact for terms in the domain, across the @ and in the rest", async () => {
    await addWorkspace("First", 3);
    await addWorkspace("Second", 2);
    for (const id of contacts.keys()) await expectTotalsExact(id);
  });

  it("stay exact after names and emails change and contacts are deleted", async () => {
    const [workspaceId, other] = [...contacts.keys()];
    const own = contacts.get(workspaceId!)!;
    const ids = [...own.keys()];
    const changes: [string | null, string | null][] = [
      ["Anna Smith", "anna@yahoo.com"],
      ["Renamed Gmail", "bob@gmail.com"],
      ["Carla", null],
      ["Ivy", "ivy@gmail.com"],
    ];
    for (const [i, [name, email]] of changes.entries()) {
      await writeTransaction(store, (tx) => updateContactRow(tx, workspaceId!, ids[i]!, { name, email }));
      own.set(ids[i]!, [name, email]);
    }
    for (const id of ids.slice(10, 20)) {
      await writeTransaction(store, (tx) => deleteContactRow(tx, workspaceId!, id));
      own.delete(id);
    }
    await expectTotalsExact(workspaceId!);
    await expectTotalsExact(other!);
  });

  it("keeps each domain's count, shard by shard, equal to its contacts", async () => {
    const { rows } = await store.db.executeQuery<{ workspace_id: string; folded_domain: string; shard: number; kept: string; actual: string }>(
      sql`select d.workspace_id, d.folded_domain, d.shard, d.contacts::text as kept,
        (select count(*) from contacts c where c.workspace_id = d.workspace_id and contact_search_domain(c.email) = d.folded_domain
          and contact_search_shard(c.id) = d.shard)::text as actual
        from contact_search_domains d`.compile(store.db),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.kept, `${row.workspace_id} ${row.folded_domain} ${row.shard}`).toBe(row.actual);
  });

  it("counts a domain's contacts without reading each one", async () => {
    const workspaceId = [...contacts.keys()][0]!;
    const chatbot = await createChatbot(store, workspaceId, "Many");
    const rows = Array.from({ length: 2_000 }, (_, i) => newContactRow(workspaceId, { chatbotId: chatbot.id, name: `Person ${i}`, email: `person${i}@gmail.com` }));
    await writeTransaction(store, (tx) => insertContacts(tx, rows));
    const plan = await store.db.executeQuery<{ "QUERY PLAN": unknown }>(
      sql`explain (analyze, format json) ${searchCountQuery(workspaceId, "gmail")!}`.compile(store.db),
    );
    const rowsRead = (node: { "Relation Name"?: string; "Actual Rows": number; Plans?: unknown[] }): number =>
      (node["Relation Name"] === "contact_search" ? node["Actual Rows"] : 0) + (node.Plans ?? []).reduce<number>((sum, child) => sum + rowsRead(child as never), 0);
    const [{ Plan }] = plan.rows[0]!["QUERY PLAN"] as [{ Plan: never }];
    expect(rowsRead(Plan)).toBeLessThan(50);
  });
});
