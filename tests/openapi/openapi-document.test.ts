import fs from "node:fs";
import path from "node:path";
import { Document, Spectral, type RulesetDefinition } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { oas } from "@stoplight/spectral-rulesets";
import owasp from "@stoplight/spectral-owasp-ruleset";
import { describe, expect, it } from "vitest";
import { call } from "../support/api";
import { REPO_ROOT } from "../support/server";

// The rulesets .spectral.yaml extends, by the names the Spectral CLI resolves. (Their packages
// declare them as object literals, which TypeScript cannot match to RulesetDefinition's union.)
const RULESETS = { "spectral:oas": oas, "@stoplight/spectral-owasp-ruleset": owasp } as Record<string, RulesetDefinition>;
const SEVERITIES = ["error", "warning", "info", "hint"] as const;

function spectralConfig() {
  const text = fs.readFileSync(path.join(REPO_ROOT, ".spectral.yaml"), "utf8");
  return Parsers.Yaml.parse(text).data as { extends: string[]; rules: Record<string, "off"> };
}

/** The ruleset an integrator gets from `spectral lint --ruleset .spectral.yaml`. */
function integratorRuleset(): RulesetDefinition {
  const config = spectralConfig();
  return { extends: config.extends.map((name) => RULESETS[name]), rules: config.rules };
}

/** Spectral's findings, each as what a reader of a failed test needs: severity, rule, where, what. */
async function lint(document: string, ruleset: RulesetDefinition) {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results = await spectral.run(new Document(document, Parsers.Json, "openapi.json"));
  return results.map((result) => ({
    severity: SEVERITIES[result.severity],
    code: String(result.code),
    path: result.path.join("."),
    message: result.message,
  }));
}

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
        "GET /v1/webhook-endpoints",
        "POST /v1/webhook-endpoints",
        "GET /v1/webhook-endpoints/{endpointId}",
        "PATCH /v1/webhook-endpoints/{endpointId}",
        "DELETE /v1/webhook-endpoints/{endpointId}",
        "POST /v1/webhook-endpoints/{endpointId}/rotate-secret",
        "POST /v1/webhook-endpoints/{endpointId}/test",
        "GET /v1/webhook-endpoints/{endpointId}/deliveries",
        "GET /v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}",
        "POST /v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/resend",
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

  it("passes spectral:oas (its recommended rules, as `extends: spectral:oas` gives) with no error and no warning", async () => {
    const document = (await call("GET", "/v1/openapi.json")).text;
    const findings = await lint(document, { extends: [RULESETS["spectral:oas"]] });
    expect(findings.filter((finding) => finding.severity === "error" || finding.severity === "warning")).toEqual([]);
  }, 60_000);

  it("passes .spectral.yaml (spectral:oas and the OWASP API Security ruleset) with no finding at all", async () => {
    const document = (await call("GET", "/v1/openapi.json")).text;
    expect(await lint(document, integratorRuleset())).toEqual([]);
  }, 60_000);
});

describe(".spectral.yaml", () => {
  it("only turns off OWASP rules, and none about rate limits or integer, array and string bounds", () => {
    const { rules } = spectralConfig();
    for (const [rule, setting] of Object.entries(rules)) {
      expect({ rule, setting }).toEqual({ rule: expect.stringMatching(/^owasp:/), setting: "off" });
      expect(rule).not.toMatch(/rate-limit|integer|array-limit|string-limit/);
    }
  });
});
