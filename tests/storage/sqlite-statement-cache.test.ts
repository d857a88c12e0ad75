import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheStatements } from "../../lib/db/sqlite-dialect";

// The prepared statements SQLite's connection keeps (lib/db/sqlite-dialect.ts): the same text gets
// the same statement, the least recently used one leaves when the cache is full, and a statement
// still iterating is never handed out twice. On a real database file.

let dir: string;
let database: SQLite.Database;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexvio-statement-cache-"));
  database = cacheStatements(new SQLite(path.join(dir, "cache.db")), 3);
  database.exec("create table t (n integer)");
  database.exec("insert into t values (1), (2), (3)");
});
afterEach(() => {
  database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const A = "select n from t where n = 1";
const B = "select n from t where n = 2";
const C = "select n from t where n = 3";
const D = "select count(*) as count from t";

describe("SQLite statement cache", () => {
  it("hands out the statement prepared before for the same text", () => {
    const first = database.prepare(A);
    expect(database.prepare(A)).toBe(first);
    expect(database.prepare(B)).not.toBe(first);
  });

  it("drops the least recently used statement when a new text overflows it", () => {
    const a = database.prepare(A);
    const b = database.prepare(B);
    const c = database.prepare(C);
    database.prepare(A); // used again: B is now the least recently used
    database.prepare(D);
    expect(database.prepare(A)).toBe(a);
    expect(database.prepare(C)).toBe(c);
    const bAgain = database.prepare(B); // prepared anew, and D, the least recently used now, leaves
    expect(bAgain).not.toBe(b);
    expect(bAgain.get()).toEqual({ n: 2 });
  });

  it("prepares a second statement while the first is still iterating", () => {
    const iterating = database.prepare("select n from t order by n");
    const rows = iterating.iterate();
    expect(rows.next().value).toEqual({ n: 1 });
    const second = database.prepare("select n from t order by n");
    expect(second).not.toBe(iterating);
    expect(second.all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
    expect(database.prepare("select n from t order by n")).toBe(second);
  });
});
