import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/server";

// The lint rule that keeps server code out of the browser, tried on code it must refuse and allow
// (npm test runs the linter first, so a client component importing server code fails the run).

const eslint = new ESLint({ cwd: REPO_ROOT });
const lintAsClientComponent = async (imports: string) => {
  const [result] = await eslint.lintText(`"use client";\n${imports}\nexport const x = 1;\n`, {
    filePath: path.join(REPO_ROOT, "components", "contacts", "boundary-probe.tsx"),
  });
  return result.messages.filter((m) => m.ruleId === "nexvio/client-boundary").map((m) => m.message);
};

describe("client components cannot import server code", () => {
  it.each([
    'import { getStore } from "@/lib/db/client";',
    'import { listContacts } from "@/lib/contacts/service";',
    'import { findContact } from "@/lib/contacts/repository";',
    'import { apiApp } from "@/lib/api/api-app";',
    'import { getAuth } from "@/lib/auth/server";',
    'import fs from "node:fs";',
    'import SQLite from "better-sqlite3";',
  ])("refuses %s", async (line) => {
    expect(await lintAsClientComponent(line)).toEqual([expect.stringContaining("is server code")]);
  });

  it("allows type-only imports of server modules and client-safe modules", async () => {
    const imports = [
      'import type { ResponseData } from "@/lib/api/route";',
      'import type { listContactsRoute } from "@/lib/api/routes/contacts";',
      'import { contactFormSchema } from "@/lib/contacts/form-schema";',
      'import { useContactList } from "@/lib/contacts/queries";',
    ].join("\n");
    expect(await lintAsClientComponent(imports)).toEqual([]);
  });

  it("leaves server modules alone", async () => {
    const [result] = await eslint.lintText('import { getStore } from "@/lib/db/client";\nexport const x = getStore;\n', {
      filePath: path.join(REPO_ROOT, "lib", "contacts", "boundary-probe.ts"),
    });
    expect(result.messages.filter((m) => m.ruleId === "nexvio/client-boundary")).toEqual([]);
  });
});
