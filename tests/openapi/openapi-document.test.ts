import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { call } from "../support/api";
import { REPO_ROOT } from "../support/server";

const run = promisify(execFile);

describe("GET /v1/openapi.json", () => {
  it("serves an OpenAPI 3.1 document without a key, covering every endpoint and method", async () => {
    const response = await call("GET", "/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const document = response.body;
    expect(document.openapi).toBe("3.1.0");
    const operations = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${p}`),
    );
    expect(operations.sort()).toEqual(
      [
        "GET /v1/contacts",
        "POST /v1/contacts",
        "GET /v1/contacts/{contactId}",
        "PATCH /v1/contacts/{contactId}",
        "DELETE /v1/contacts/{contactId}",
        "GET /v1/contacts/{contactId}/conversations",
      ].sort(),
    );
  });

  it("documents the contract's limits from the same zod schemas the handlers use", async () => {
    const document = (await call("GET", "/v1/openapi.json")).body;
    const listParams = document.paths["/v1/contacts"].get.parameters as Array<{ name: string; schema: Record<string, unknown> }>;
    const limit = listParams.find((p) => p.name === "limit")?.schema;
    expect(limit).toMatchObject({ type: "integer", minimum: 1, maximum: 500, default: 100 });
    expect(listParams.find((p) => p.name === "sortBy")?.schema).toMatchObject({ enum: ["createdAt", "name", "email"], default: "createdAt" });
    const create = document.components.schemas.CreateContact;
    expect(create.required).toEqual(["chatbotId"]);
    expect(create.additionalProperties).toBe(false);
    expect(create.properties.metadata).toMatchObject({ maxProperties: 50 });
    const conversationParams = document.paths["/v1/contacts/{contactId}/conversations"].get.parameters as Array<{
      name: string;
      schema: Record<string, unknown>;
    }>;
    expect(conversationParams.find((p) => p.name === "limit")?.schema).toMatchObject({ maximum: 100, default: 50 });
  });

  it("passes Redocly's recommended lint rules", async () => {
    const document = (await call("GET", "/v1/openapi.json")).text;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "nexvio-openapi-")), "openapi.json");
    fs.writeFileSync(file, document);
    const redocly = path.join(REPO_ROOT, "node_modules", ".bin", "redocly");
    const result = await run(redocly, ["lint", file, "--config", path.join(REPO_ROOT, "redocly.yaml"), "--format", "json"], {
      cwd: REPO_ROOT,
    }).catch((error: { stdout: string; stderr: string; code: number }) => error);
    const report = JSON.parse(result.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
