import fs from "node:fs";
import type { Command } from "commander";
import { importContactsFile, type ImportReport } from "../../lib/import/import-contacts";
import { formatOf, type ImportFormat } from "../../lib/import/read-rows";
import { CliError, printJson, printLines } from "../output";
import { progressBar } from "../progress";
import { requireWorkspace, withStore } from "../store";

const LISTED_REJECTIONS = 50;

interface ImportOptions {
  workspace: string;
  format?: ImportFormat;
  json?: boolean;
}

function summary(report: ImportReport, seconds: number): string[] {
  const contacts = report.imported === 1 ? "contact" : "contacts";
  const lines = [`Imported ${report.imported.toLocaleString("en-US")} ${contacts} in ${seconds.toFixed(1)} s.`];
  if (report.rejected.length === 0) return [...lines, "No rows were rejected."];
  lines.push(`Rejected ${report.rejected.length.toLocaleString("en-US")} rows (none of them was imported):`);
  for (const { line, reason } of report.rejected.slice(0, LISTED_REJECTIONS)) lines.push(`  line ${line}: ${reason}`);
  if (report.rejected.length > LISTED_REJECTIONS) {
    lines.push(`  … and ${report.rejected.length - LISTED_REJECTIONS} more (use --json for the full list)`);
  }
  return lines;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("import contacts from NDJSON (one create body per line, plus optional createdAt) or CSV")
    .argument("<file>", "a .ndjson/.jsonl or .csv file")
    .requiredOption("--workspace <id>", "workspace id")
    .option("--format <format>", "ndjson or csv (default: from the file name)")
    .option("--json", 'print only {"imported","rejected":[{"line","reason"}]} as one line of JSON')
    .action(async (file: string, options: ImportOptions) => {
      const format = options.format ?? formatOf(file);
      if (format !== "ndjson" && format !== "csv") {
        throw new CliError(`cannot tell the format of "${file}": use --format ndjson or --format csv`);
      }
      if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`);
      const started = performance.now();
      const progress = progressBar("Importing", fs.statSync(file).size);
      const report = await withStore(async (store) => {
        await requireWorkspace(store, options.workspace);
        return importContactsFile(store, options.workspace, { path: file, format }, progress.update);
      }).finally(() => progress.stop());
      if (options.json) printJson(report);
      else printLines(summary(report, (performance.now() - started) / 1000));
    });
}
