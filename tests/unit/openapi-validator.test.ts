import { describe, expect, it } from "vitest";
import { apiRoutes } from "@/lib/api/routes";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { openApiValidator } from "../support/openapi-validator";
import { ADDED_FIELDS_UNSET } from "../support/contact-keys";

// The check every HTTP suite runs on every /v1 answer (tests/support/api.ts) must be able to fail.

const contact = { ...ADDED_FIELDS_UNSET, id: "contact_1", chatbotId: "chatbot_1", name: "Ann", email: null, phone: null, metadata: {}, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" };
const headers = new Headers({ "x-request-id": "req-1", "x-ratelimit-limit": "100", "x-ratelimit-remaining": "99", "x-ratelimit-reset": "1800000000" });
const answer = (body: unknown, status = 201) => ({ method: "POST", path: "/v1/contacts", status, headers, body });
type OpenApiDocument = { components: { schemas: Record<string, { properties: Record<string, unknown> }> } } & Record<string, unknown>;
const document = () => JSON.parse(JSON.stringify(buildOpenApiDocument(apiRoutes))) as OpenApiDocument;

describe("the OpenAPI answer check", () => {
  it("accepts an answer as documented", () => {
    expect(openApiValidator(document())(answer({ status: "success", data: { contact } }))).toEqual([]);
  });

  it("fails the same answer against a deliberately wrong schema", () => {
    const wrong = document();
    wrong.components.schemas.Contact.properties.name = { type: "integer" };
    expect(openApiValidator(wrong)(answer({ status: "success", data: { contact } }))).toEqual([expect.stringContaining("name")]);
  });

  it("fails an undocumented status, a missing field, a bad header and an error outside the envelope", () => {
    const problemsOf = openApiValidator(document());
    expect(problemsOf(answer({ status: "success", data: { contact } }, 202))).toEqual([expect.stringContaining("202 is not documented")]);
    const withoutEmail: Partial<typeof contact> = { ...contact };
    delete withoutEmail.email;
    expect(problemsOf(answer({ status: "success", data: { contact: withoutEmail } }))).toEqual([expect.stringContaining("email")]);
    const badHeader = new Headers(headers);
    badHeader.set("x-ratelimit-remaining", "lots");
    expect(problemsOf({ ...answer({ status: "success", data: { contact } }), headers: badHeader })).toEqual([expect.stringContaining("X-RateLimit-Remaining")]);
    expect(problemsOf({ method: "GET", path: "/v1/nowhere", status: 404, headers, body: { error: "nope" } })).toEqual([expect.stringContaining("Error envelope")]);
  });
});
