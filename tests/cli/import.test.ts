import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { listContacts } from "../../lib/contacts/service";
import { parseJsonText } from "../../lib/json-text";
import { openStore, type Store } from "../../lib/db/client";
import { REPO_ROOT, temporaryDatabaseUrl } from "../support/server";

const run = promisify(execFile);

// `nexvio import`: NDJSON and CSV through the API's own create schema; bad rows reported with their
// line and reason and left out whole, good rows in.

const databaseUrl = temporaryDatabaseUrl("import");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexvio-import-files-"));
const nexvio = (args: string[]) =>
  run(process.execPath, ["bin/nexvio.mjs", ...args], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } });

let workspaceId: string;
let chatbotId: string;
let store: Store;

beforeAll(async () => {
  const seeded = JSON.parse((await nexvio(["seed", "--contacts", "0", "--json"])).stdout);
  workspaceId = seeded.workspaceId;
  chatbotId = seeded.chatbotIds[1];
  store = openStore(databaseConfig({ DATABASE_URL: databaseUrl }));
}, 60_000);
afterAll(() => store.db.destroy());

function write(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

async function importFile(file: string): Promise<{ imported: number; rejected: { line: number; reason: string }[] }> {
  return JSON.parse((await nexvio(["import", file, "--workspace", workspaceId, "--json"])).stdout);
}

const listQuery = (search: string, limit: number) =>
  ({ search, limit, offset: 0, chatbotId: undefined, sortBy: "name", sortOrder: "asc" }) as const;

async function contactsNamed(search: string) {
  return parseJsonText(await listContacts(store, workspaceId, listQuery(search, 100))).contacts;
}

describe("nexvio import", () => {
  it("imports NDJSON rows in the API's create shape, keeping createdAt, and reports each bad row", async () => {
    const good = (name: string, extra: object = {}) => JSON.stringify({ chatbotId, name, ...extra });
    const file = write("contacts.ndjson", [
      good("Nadia Import", { email: "nadia@example.com", metadata: { plan: "pro", seats: 3, vip: true }, createdAt: "2024-01-02T03:04:05+01:00" }),
      good("Nate Import", { email: "not-an-email" }),
      "",
      JSON.stringify({ chatbotId: "chatbot_elsewhere", name: "Nope Import" }),
      "{not json",
      good("Ned Import", { id: "contact_mine" }),
      good("Nell Import", { createdAt: "yesterday" }),
      good("Nora Import"),
      // The instant is in the year 10000 in UTC, which a stored timestamp cannot write in four digits.
      good("Nils Import", { createdAt: "9999-12-31T23:59:59-12:00" }),
    ]);
    const report = await importFile(file);
    expect(report.imported).toBe(2);
    expect(report.rejected).toEqual([
      { line: 2, reason: "email: Must be a valid email address" },
      { line: 4, reason: 'chatbotId: no chatbot "chatbot_elsewhere" in this workspace' },
      { line: 5, reason: expect.stringMatching(/^Not valid JSON/) },
      { line: 6, reason: "id: Is assigned by the server and cannot be set" },
      { line: 7, reason: expect.stringMatching(/^createdAt: Must be an ISO 8601 date-time/) },
      { line: 9, reason: "createdAt: Must fall within the years 0000 to 9999 in UTC" },
    ]);

    const imported = await contactsNamed("Import");
    expect(imported.map((c) => c.name)).toEqual(["Nadia Import", "Nora Import"]);
    expect(imported[0]).toMatchObject({
      chatbotId,
      email: "nadia@example.com",
      metadata: { plan: "pro", seats: 3, vip: true },
      createdAt: "2024-01-02T02:04:05.000Z",
      updatedAt: "2024-01-02T02:04:05.000Z",
    });
  }, 60_000);

  it("imports CSV with metadata.<key> columns, quoted cells and typed metadata; malformed records are reported", async () => {
    const file = write("contacts.csv", [
      "chatbotId,name,email,phone,metadata.plan,metadata.seats,metadata.zip,metadata.vip",
      `${chatbotId},"Doe, Csv",doe@example.com,+15551234567,pro,12,02134,true`,
      `${chatbotId},Bad Csv,nope,,,,,`,
      `${chatbotId},Empty Csv,,,,,,`,
      `${chatbotId},Short Csv`,
      `${chatbotId},Last Csv,last@example.com,,free,,,false`,
    ]);
    const report = await importFile(file);
    expect(report.imported).toBe(3);
    expect(report.rejected).toEqual([
      { line: 3, reason: "email: Must be a valid email address" },
      { line: 5, reason: expect.stringMatching(/^Not valid CSV/) },
    ]);
    const [doe, empty, last] = await contactsNamed("Csv");
    expect(doe).toMatchObject({ name: "Doe, Csv", phone: "+15551234567", metadata: { plan: "pro", seats: 12, zip: "02134", vip: true } });
    expect(empty).toMatchObject({ name: "Empty Csv", email: null, phone: null, metadata: {} });
    expect(last).toMatchObject({ name: "Last Csv", metadata: { plan: "free", vip: false } });
  }, 60_000);

  it("imports every row of a file many read chunks long (20,000 rows, about 3 MB)", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ chatbotId, name: `Bulk ${i}`, email: `bulk${i}@example.com`, metadata: { n: i } }));
    const report = await importFile(write("bulk.ndjson", rows));
    expect(report).toEqual({ imported: 20_000, rejected: [] });
    const { total } = parseJsonText(await listContacts(store, workspaceId, listQuery("bulk", 1)));
    expect(total).toBe(20_000);
  }, 120_000);

  it("refuses an unknown workspace, a missing file and an unknown format", async () => {
    const file = write("one.ndjson", [JSON.stringify({ chatbotId, name: "Solo" })]);
    await expect(nexvio(["import", file, "--workspace", "ws_nope"])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("ws_nope") });
    await expect(nexvio(["import", path.join(dir, "missing.csv"), "--workspace", workspaceId])).rejects.toMatchObject({ code: 1 });
    await expect(nexvio(["import", path.join(dir, "contacts.txt"), "--workspace", workspaceId])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("--format"),
    });
  }, 60_000);
});
