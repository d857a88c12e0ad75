import createClient from "openapi-fetch";
import type { paths } from "./schema";

export type { components, operations, paths } from "./schema";

/** A client of the Nexvio Contacts API typed from its OpenAPI document: paths, parameters, bodies, answers and errors. */
export function createNexvioClient(baseUrl: string, apiKey: string) {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${apiKey}` } });
}

/**
 * The names of the headers an answer documents, e.g.
 * `HeaderName<operations["listContacts"]["responses"][200]["headers"]>` (the generated `headers`
 * also allow any other name, which would let a misspelled one through).
 */
export type HeaderName<Headers> = Extract<keyof { [Name in keyof Headers as string extends Name ? never : Name]: unknown }, string>;
