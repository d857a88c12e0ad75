import { expect } from "vitest";
import { openApiValidator, type Answer } from "./openapi-validator";

// Every /v1 answer an HTTP suite receives, through `call` or `rawRequest`, is checked against the
// OpenAPI document the same server serves.

export type AnswerCheck = ReturnType<typeof openApiValidator>;

const validators = new Map<string, Promise<AnswerCheck>>();

/**
 * The server's document as a checker, fetched once per server. Callers fetch it before their
 * request, so checking an answer adds no I/O between its arrival and the caller (timing tests
 * measure when answers arrive).
 */
export function documentedAnswers(baseUrl: string) {
  let validator = validators.get(baseUrl);
  if (!validator) {
    validator = fetch(`${baseUrl}/v1/openapi.json`).then(
      async (response) => openApiValidator(await response.json()),
      (error: unknown) => {
        // A server not up (yet, or any more) is asked again next time.
        validators.delete(baseUrl);
        throw error;
      },
    );
    validators.set(baseUrl, validator);
  }
  return validator;
}

export function expectDocumented(problemsOf: AnswerCheck, answer: Answer) {
  expect(problemsOf(answer), "answer not as documented").toEqual([]);
}

/** The body as JSON, or undefined when it is empty or not JSON. */
export function jsonOrUndefined(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
