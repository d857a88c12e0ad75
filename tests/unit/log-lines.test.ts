import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The log's lines as a process writes them to stdout: gathered in chunks (lib/log-destination.ts),
// every one written, whole and in order, however the process ends; the request line as pino writes
// the same fields.

const FIXTURE = path.join(import.meta.dirname, "fixtures", "log-lines.ts");

function linesOf(end: string): Record<string, unknown>[] {
  const child = spawnSync(process.execPath, ["--import", "tsx", FIXTURE, end], {
    env: { ...process.env, LOG_LEVEL: "info" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(child.stdout.endsWith("\n")).toBe(true);
  return child.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("log lines on stdout", () => {
  for (const end of ["return", "exit", "throw"]) {
    it(`are all written, whole and in order, when the process ends by ${end}`, () => {
      const lines = linesOf(end);
      expect(lines).toHaveLength(2 + 2_000 + 2);
      expect(lines.slice(2, 2_002).map((line) => line.requestId)).toEqual(Array.from({ length: 2_000 }, (_, i) => `r${i}`));
      expect(lines.at(-2)).toMatchObject({ msg: "long", long: "x".repeat(30_000) });
      expect(lines.at(-1)).toMatchObject({ msg: "last", last: true });
    });
  }

  it("write the request line as pino writes the same fields, escapes included", () => {
    const [ours, pinos] = linesOf("return");
    expect(typeof ours.time).toBe("number");
    expect({ ...ours, time: 0 }).toEqual({ ...pinos, time: 0 });
    expect(Object.keys(ours)).toEqual(Object.keys(pinos));
    expect(ours).toMatchObject({ level: 30, service: "nexvio-contacts", requestId: 'id-"quoted"\\', path: "/v1/contacts/é 中 \u2028 \u0001", msg: "request" });
  });
});
