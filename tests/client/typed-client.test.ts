import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type Tenant } from "../support/fixtures";
import { useTypedClient } from "./typed-client-usage";

// The generated TypeScript client (clients/typescript) as an integrator would use it: the usage
// script compiles on its own, with TypeScript's strict settings, and does what it says against the server.

const USAGE = path.join(import.meta.dirname, "typed-client-usage.ts");

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
  skipLibCheck: true,
};

/** The compiler's complaints about the usage script, given as it is or with its text replaced. */
function diagnostics(source?: string): string[] {
  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  if (source !== undefined) {
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (file, language, ...rest) =>
      path.resolve(file) === USAGE ? ts.createSourceFile(file, source, language) : read(file, language, ...rest);
  }
  const program = ts.createProgram({ rootNames: [USAGE], options: COMPILER_OPTIONS, host });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${path.basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1} ` : "";
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  });
}

describe("the generated TypeScript client", () => {
  it("compiles the usage script with no diagnostic", () => {
    expect(diagnostics()).toEqual([]);
  }, 60_000);

  it("does not compile it with a misspelled header, field or path", () => {
    const original = fs.readFileSync(USAGE, "utf8");
    for (const [right, wrong] of [
      ['"X-RateLimit-Remaining"', '"X-RateLimit-Remainder"'],
      ["created.data.data.contact.id", "created.data.data.contact.contactId"],
      ["invalid.error?.error.details", "invalid.error?.details"],
      ['"/v1/contacts/{contactId}/conversations"', '"/v1/contacts/{id}/conversations"'],
    ]) {
      expect(original).toContain(right);
      expect(diagnostics(original.replace(right, wrong)), wrong).not.toEqual([]);
    }
  }, 60_000);

  describe("against the server", () => {
    let tenant: Tenant;
    beforeAll(async () => {
      tenant = await createTenant("typed client");
    });

    it("lists, creates, removes a metadata key with null, reads conversations, deletes, reads the error details, retries a create safely, and walks by cursor", async () => {
      const run = await useTypedClient(inject("baseUrl"), tenant.apiKey, tenant.chatbotIds[0]);
      expect(run.listed).toEqual({ status: 200, total: 0, rateLimitRemaining: expect.stringMatching(/^\d+$/) });
      expect(Number(run.listed.rateLimitRemaining)).toBe(99);
      expect(run.created).toEqual({ status: 201, id: expect.stringMatching(/^contact_/), metadata: { plan: "trial", seats: 3 } });
      expect(run.patched).toEqual({ status: 200, metadata: { seats: 3, tier: "gold" } });
      expect(run.conversations).toEqual({ status: 200, total: 0, items: [] });
      expect(run.deleted).toEqual({ status: 200, deleted: true, id: run.created.id });
      expect(run.invalid).toEqual({ status: 400, code: "validation_error", details: { email: "Must be a valid email address" } });
      expect(run.retried).toEqual({ sameContact: true, id: expect.stringMatching(/^contact_/), replayed: "true" });
      // Created Once is all that is left (Typed Client was deleted, the invalid one never made).
      expect(run.walked).toEqual([run.retried.id]);
    });
  });
});
