import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/config";
import { openMigratedStore, type Store } from "../../lib/db/client";
import { preparedQuery } from "../../lib/db/prepared-query";
import { writeTransaction } from "../../lib/db/transaction";
import { createWorkspace } from "../../lib/workspaces/repository";
import { temporaryDatabaseUrl } from "../support/server";

// SQLite's one connection, shared by Kysely and by the queries compiled once that run their
// statement straight on it (lib/db/sqlite/sqlite-session.ts): a query outside a transaction waits
// until the transaction that holds the connection ends, so it never runs inside it.

let store: Store;
beforeAll(async () => {
  store = await openMigratedStore(databaseConfig({ DATABASE_URL: temporaryDatabaseUrl("session") }));
});
afterAll(() => store.db.destroy());

const workspaceNamed = preparedQuery<{ name: string }, { id: string }>((db, value) => db.selectFrom("workspaces").select("id").where("name", "=", value("name")));

/** A transaction that has written `name` and waits, connection held, until `finish` is called. */
function openTransaction(name: string, outcome: "commit" | "rollback") {
  let finish!: () => void;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  let written!: () => void;
  const hasWritten = new Promise<void>((resolve) => (written = resolve));
  const done = writeTransaction(store, async (tx) => {
    await sql`insert into workspaces (id, name, created_at) values (${`ws_${name}`}, ${name}, ${new Date().toISOString()})`.execute(tx.db);
    written();
    await gate;
    if (outcome === "rollback") throw new Error("rolled back on purpose");
  });
  return { hasWritten, finish, done };
}

/** Whether `promise` settles within a few turns of the event loop. */
async function settlesSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe("SQLite session", () => {
  it("a compiled query waits for the open transaction and then sees what it committed", async () => {
    const transaction = openTransaction("Committed later", "commit");
    await transaction.hasWritten;
    const read = workspaceNamed(store, { name: "Committed later" });
    expect(await settlesSoon(read)).toBe(false);
    transaction.finish();
    await transaction.done;
    expect(await read).toEqual([{ id: "ws_Committed later" }]);
  });

  it("a compiled query never sees a transaction's writes that are rolled back", async () => {
    const transaction = openTransaction("Rolled back", "rollback");
    await transaction.hasWritten;
    const read = workspaceNamed(store, { name: "Rolled back" });
    expect(await settlesSoon(read)).toBe(false);
    transaction.finish();
    await expect(transaction.done).rejects.toThrow("rolled back on purpose");
    expect(await read).toEqual([]);
  });

  it("Kysely's queries, compiled queries and transactions all wait for the open transaction, then see its row", async () => {
    const order: string[] = [];
    const first = openTransaction("First in line", "commit");
    await first.hasWritten;
    const viaKysely = store.db.selectFrom("workspaces").select("id").where("name", "=", "First in line").execute().then((rows) => order.push(`kysely ${rows.length}`));
    const compiled = workspaceNamed(store, { name: "First in line" }).then((rows) => order.push(`compiled ${rows.length}`));
    const second = writeTransaction(store, async (tx) => {
      order.push(`second transaction ${(await workspaceNamed(tx, { name: "First in line" })).length}`);
      return createWorkspace(tx, "Second in line");
    });
    expect(await settlesSoon(Promise.all([viaKysely, compiled, second]))).toBe(false);
    first.finish();
    await Promise.all([first.done, viaKysely, compiled, second]);
    expect(order.sort()).toEqual(["compiled 1", "kysely 1", "second transaction 1"]);
  });
});
