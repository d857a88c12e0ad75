import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/server";

// The dashboard calls the /v1 API only through the typed client generated from the OpenAPI
// document (lib/http/v1-client.ts), never by a hand-written URL that could drift from the document.

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const clientSide = [...sourceFiles(path.join(REPO_ROOT, "components")), ...sourceFiles(path.join(REPO_ROOT, "lib"))].filter((file) =>
  /^["']use client["']/.test(fs.readFileSync(file, "utf8")),
);

describe("the dashboard's /v1 calls", () => {
  it("finds the client-side modules it checks", () => {
    expect(clientSide.map((file) => path.relative(REPO_ROOT, file))).toEqual(expect.arrayContaining(["lib/contacts/queries.ts", "lib/webhooks/queries.ts", "lib/http/v1-client.ts"]));
  });

  it.each(clientSide.map((file) => [path.relative(REPO_ROOT, file), file]))("%s sends /v1 requests only through the typed client", (_name, file) => {
    const source = fs.readFileSync(file, "utf8");
    const handWritten = [...source.matchAll(/(apiFetch|apiRequest|fetch)\s*(<[^>]*>)?\s*\(\s*[`"']\/v1\//g)].map((match) => match[0]);
    expect(handWritten).toEqual([]);
  });
});
