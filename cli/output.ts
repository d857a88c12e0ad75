/** A problem the operator can fix: printed as one line on stderr, exit code 1. */
export class CliError extends Error {}

export function reportError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  process.exitCode = 1;
}

export function printLines(lines: readonly string[]): void {
  process.stdout.write(lines.map((line) => `${line}\n`).join(""));
}

/** Exactly one line of JSON on stdout, for scripts. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)));
  const format = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
  return [format(headers), ...rows.map(format)];
}

/** A ready-to-paste request; `${PORT:-3000}` is left for the operator's shell to expand. */
export function curlLine(apiKey: string, path = "/v1/contacts"): string {
  return `curl -H "Authorization: Bearer ${apiKey}" http://localhost:\${PORT:-3000}${path}`;
}
