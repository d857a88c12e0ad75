import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { listContacts } from "../../lib/contacts/service";
import { parseJsonText } from "../../lib/json-text";
import { openStore } from "../../lib/db/client";
import { createTestDatabase, postgresAvailability, type TestBackend, type TestDatabase } from "../support/backend";
import { REPO_ROOT } from "../support/server";

const run = promisify(execFile);

// A seed larger than one batch goes through the worker-thread pipeline and the per-statement search
// indexing (lib/contacts/search/sqlite-contact-search.ts); every row must arrive and be findable, on both backends.
const CONTACTS = 25_000;
const postgres = await postgresAvailability();
const backends: TestBackend[] = postgres.available ? ["sqlite", "postgres"] : ["sqlite"];
const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((database) => database.drop())));

describe.each(backends)("nexvio seed on %s", (backend) => {
  it(`loads ${CONTACTS.toLocaleString("en-US")} contacts in batches, every one indexed for search`, async () => {
    const database = await createTestDatabase("bulk_seed", backend);
    databases.push(database);
    const { stdout } = await run(process.execPath, ["bin/nexvio.mjs", "seed", "--contacts", String(CONTACTS), "--json"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: database.url },
    });
    const { workspaceId } = JSON.parse(stdout) as { workspaceId: string };

    const store = openStore(databaseConfig({ DATABASE_URL: database.url }));
    try {
      const page = { sortBy: "createdAt", sortOrder: "desc", limit: 500, offset: 0, chatbotId: undefined, search: undefined } as const;
      const all = parseJsonText(await listContacts(store, workspaceId, page));
      expect(all.total).toBe(CONTACTS);
      if (backend === "sqlite") {
        // Fails with "database disk image is malformed" when the index and the table disagree.
        await sql`insert into contacts_search(contacts_search) values ('integrity-check')`.execute(store.db);
        const indexed = await sql<{ n: number }>`select count(*) as n from contacts_search where contacts_search match 'com'`.execute(store.db);
        expect(indexed.rows[0].n).toBeGreaterThan(CONTACTS / 2);
      }
      // A seeded contact is found by a fragment of its email, as support staff would search.
      const sample = all.contacts.find((contact) => contact.email !== null)!;
      const fragment = sample.email!.slice(0, 6);
      const found = parseJsonText(await listContacts(store, workspaceId, { ...page, search: fragment }));
      expect(found.contacts.map((contact) => contact.id)).toContain(sample.id);
    } finally {
      await store.db.destroy();
    }
  }, 180_000);
});
