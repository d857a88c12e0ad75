import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// Checks an answer against the OpenAPI document: the operation its method and path name, a status
// that operation documents, the body against that status's schema, and every documented header
// present against its schema. Answers to paths or methods the document has no operation for (an
// unknown path, a 405, OPTIONS) must still be the Error envelope when they carry a body.

type Json = Record<string, unknown>;

export interface Answer {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  body: unknown;
}

const pointer = (...parts: string[]) => "#/" + parts.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

export function openApiValidator(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats.default(ajv);
  ajv.addSchema(document, "openapi");
  const schemaAt = (ref: string) => {
    const validate = ajv.getSchema(`openapi${ref}`);
    if (!validate) throw new Error(`no schema at ${ref}`);
    return validate;
  };
  const paths = document.paths as Record<string, Record<string, Json>>;
  const templates = Object.keys(paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}$`),
  }));

  /** The problems with an answer; empty when it is as documented. */
  return function problemsOf(answer: Answer): string[] {
    const rawPath = answer.path.split("?", 1)[0];
    const template = templates.find((t) => t.pattern.test(rawPath))?.template;
    const method = answer.method.toLowerCase() === "head" ? "get" : answer.method.toLowerCase();
    const operation = template ? paths[template][method] : undefined;
    const bodyless = answer.method === "HEAD" || answer.body === undefined;
    if (!template || !operation) {
      if (bodyless || answer.status < 400) return [];
      const validate = schemaAt(pointer("components", "schemas", "Error"));
      return validate(answer.body) ? [] : [`${answer.method} ${rawPath} ${answer.status}: not the Error envelope: ${ajv.errorsText(validate.errors)}`];
    }
    const responses = operation.responses as Record<string, Json>;
    const documented = responses[String(answer.status)];
    if (!documented) return [`${answer.method} ${template}: status ${answer.status} is not documented`];
    const problems: string[] = [];
    if (!bodyless) {
      const validate = schemaAt(pointer("paths", template, method, "responses", String(answer.status), "content", "application/json", "schema"));
      if (!validate(answer.body)) problems.push(`${answer.method} ${template} ${answer.status}: body ${ajv.errorsText(validate.errors)}`);
    }
    for (const name of Object.keys((documented.headers as Json | undefined) ?? {})) {
      const value = answer.headers.get(name);
      if (value === null) continue;
      const validate = schemaAt(pointer("paths", template, method, "responses", String(answer.status), "headers", name, "schema"));
      if (!validate(value)) problems.push(`${answer.method} ${template} ${answer.status}: header ${name} ${ajv.errorsText(validate.errors)}`);
    }
    if (answer.headers.get("x-request-id") === null) problems.push(`${answer.method} ${template} ${answer.status}: no X-Request-Id`);
    return problems;
  };
}
