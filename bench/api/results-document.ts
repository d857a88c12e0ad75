import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ScenarioResult } from "./measure";

// Writes one run's table into docs/benchmarks.md, replacing the earlier table of the same backend
// and size; the prose around the tables is written by hand.

export interface RunRecord {
  backend: string;
  contacts: number;
  connections: number;
  seconds: number;
  seedSeconds: number;
  matches: Record<string, number>;
  memory: { peakRssMb: number; rssMb: number; heapUsedMb: number };
  results: ScenarioResult[];
}

const verdict = (met: boolean) => (met ? "✓" : "✗");

function table(run: RunRecord): string {
  const at1M = run.contacts >= 1_000_000;
  const rows = run.results.map((r) => {
    const p99Met = r.p99Ms <= r.scenario.p99TargetMs;
    const rpsMet = r.scenario.minRequestsPerSecond === undefined || r.requestsPerSecond >= r.scenario.minRequestsPerSecond;
    const target = `p99 ≤ ${r.scenario.p99TargetMs} ms${r.scenario.minRequestsPerSecond ? `, ≥ ${r.scenario.minRequestsPerSecond} req/s` : ""}`;
    return `| ${r.scenario.name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50Ms} | ${r.p99Ms} | ${r.non2xx} | ${target}${at1M ? ` ${verdict(p99Met && rpsMet)}` : ""} |`;
  });
  const cpu = os.cpus();
  return [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpu.length} × ${cpu[0]?.model.trim()}, ` +
      `${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.versions.node}; ${run.connections} connections, ${run.seconds} s per scenario. ` +
      `Seeded with \`nexvio seed\` in ${run.seedSeconds.toFixed(0)} s.`,
    "",
    "| Scenario | req/s | p50 ms | p99 ms | non-2xx | Target (1M) |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...rows,
    "",
    `Search terms and filters: ${Object.entries(run.matches).map(([term, n]) => `\`${term}\` matches ${n.toLocaleString("en-US")} (${((100 * n) / run.contacts).toFixed(1)}%)`).join(", ")}.`,
    `Server memory at the end: JS heap ${run.memory.heapUsedMb.toFixed(0)} MB, RSS ${run.memory.rssMb.toFixed(0)} MB, peak RSS ${run.memory.peakRssMb.toFixed(0)} MB` +
      (at1M ? ` (targets: heap ≤ 150 MB ${verdict(run.memory.heapUsedMb <= 150)}, RSS ≤ 600 MB ${verdict(run.memory.rssMb <= 600)}).` : "."),
  ].join("\n");
}

export function recordRun(documentPath: string, run: RunRecord): void {
  const heading = `### ${run.backend === "sqlite" ? "SQLite" : "PostgreSQL"}, ${run.contacts.toLocaleString("en-US")} contacts`;
  const start = `<!-- bench:${run.backend}:${run.contacts} -->`;
  const end = `<!-- /bench:${run.backend}:${run.contacts} -->`;
  const section = `${start}\n${heading}\n\n${table(run)}\n${end}`;
  const current = fs.existsSync(documentPath) ? fs.readFileSync(documentPath, "utf8") : "# API benchmarks\n\n## Results\n";
  const at = current.indexOf(start);
  const next = at >= 0 ? current.slice(0, at) + section + current.slice(current.indexOf(end) + end.length) : `${current.trimEnd()}\n\n${section}\n`;
  fs.mkdirSync(path.dirname(documentPath), { recursive: true });
  fs.writeFileSync(documentPath, next);
}
