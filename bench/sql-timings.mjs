// Adds up the time this process spends in each SQLite statement (better-sqlite3's run, get, all
// and exec, pragmas included) and prints the totals to stderr when it exits. For finding where a
// CLI command or the server spends its database time:
//
//   node --import ./bench/sql-timings.mjs bin/nexvio.mjs import contacts.ndjson --workspace ws_…
//
// Statements are grouped by their text, with a multi-row VALUES list folded to its first row, so
// that the inserts of every chunk size count as one line. Wall time: a call that waits for the CPU
// counts that wait too.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const Database = require("better-sqlite3");
const Statement = Object.getPrototypeOf(new Database(":memory:").prepare("select 1"));
const SHOWN_FROM_SECONDS = 0.01;

/** @type {Map<string, { nanoseconds: bigint, calls: number }>} */
const totals = new Map();
/** Each statement text's label, made once: folding a 90 KB multi-row INSERT takes about 1 ms. */
const labels = new Map();

function label(sql) {
  let folded = labels.get(sql);
  if (folded === undefined) {
    folded = sql
      .replace(/\s+/g, " ")
      .trim()
      .replace(/values (\([^)]*\))(?:, \([^)]*\))+/i, "values $1, …")
      .slice(0, 110);
    labels.set(sql, folded);
  }
  return folded;
}

function timed(original) {
  return function (...args) {
    const started = process.hrtime.bigint();
    try {
      return original.apply(this, args);
    } finally {
      // Read the clock before labelling, so that the label's own cost is not counted.
      const elapsed = process.hrtime.bigint() - started;
      const key = label(this.source ?? args[0]);
      const total = totals.get(key) ?? { nanoseconds: 0n, calls: 0 };
      total.nanoseconds += elapsed;
      total.calls += 1;
      totals.set(key, total);
    }
  };
}

for (const method of ["run", "get", "all"]) Statement[method] = timed(Statement[method]);
Database.prototype.exec = timed(Database.prototype.exec);

process.on("exit", () => {
  const seconds = (nanoseconds) => Number(nanoseconds) / 1e9;
  const rows = [...totals].sort(([, a], [, b]) => Number(b.nanoseconds - a.nanoseconds));
  const all = rows.reduce((sum, [, total]) => sum + total.nanoseconds, 0n);
  const lines = rows
    .filter(([, total]) => seconds(total.nanoseconds) >= SHOWN_FROM_SECONDS)
    .map(([sql, total]) => `${seconds(total.nanoseconds).toFixed(2).padStart(8)} s ${String(total.calls).padStart(8)} calls  ${sql}`);
  process.stderr.write(`\nSQLite time by statement (${SHOWN_FROM_SECONDS} s and more):\n${lines.join("\n")}\n${seconds(all).toFixed(2).padStart(8)} s in all\n`);
});
