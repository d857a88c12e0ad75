import fs from "node:fs";
import { expect, it } from "vitest";
import { SCHEMA_FILE, typescriptClientSchema } from "../../scripts/generate-typescript-client";

it("clients/typescript/schema.d.ts is what the OpenAPI document generates", async () => {
  const committed = fs.readFileSync(SCHEMA_FILE, "utf8");
  expect(committed, "clients/typescript/schema.d.ts is stale: run npm run client:generate").toBe(await typescriptClientSchema());
}, 60_000);
