import type { z } from "zod";
import { validationError } from "./errors";
import { parseJsonObject, readBodyBytes } from "./read-json-body";
import type { RouteRequest } from "./route";
import { parseOrThrow } from "./validation";

// A route's inputs, parsed with the schemas of its definition, in the contract's order: path
// parameters, then the query, then the body.

/** The query's known parameters, each given at most once (unknown ones are ignored). */
export function parseQuery<S extends z.ZodObject>(schema: S, searchParams: URLSearchParams): z.output<S> {
  const given: Record<string, string> = {};
  const repeated: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const values = searchParams.getAll(name);
    if (values.length > 1) repeated[name] = "Must be given at most once";
    else if (values.length === 1) given[name] = values[0];
  }
  if (Object.keys(repeated).length > 0) throw validationError(repeated);
  return parseOrThrow(schema, given);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** The query of a request's absolute URL, as `new URL(url).searchParams` reads it, without parsing the rest. */
export function searchParamsOf(url: string): URLSearchParams {
  const start = url.indexOf("?");
  if (start === -1) return new URLSearchParams();
  // Characters clients should have escaped: the URL parser escapes them first, and decodes alike only then.
  if (NON_ASCII.test(url)) return new URL(url).searchParams;
  const end = url.indexOf("#", start);
  // With its "?", which URLSearchParams drops: a query that itself starts with "?" keeps it.
  return new URLSearchParams(end === -1 ? url.slice(start) : url.slice(start, end));
}

export interface ParsedRequest {
  params: unknown;
  query: unknown;
  body: unknown;
  headers: unknown;
}

/** The request headers a route names (absent ones left out). */
function parseHeaders(schema: z.ZodObject, headers: Headers): unknown {
  const given: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = headers.get(name);
    if (value !== null) given[name] = value;
  }
  return parseOrThrow(schema, given);
}

/** `bodyBytes` gives the body when it has been read already (an idempotent request's fingerprint needs it first). */
export async function parseRequest(
  spec: RouteRequest,
  request: Request,
  params: Record<string, string>,
  bodyBytes: () => Promise<Uint8Array> = () => readBodyBytes(request),
): Promise<ParsedRequest> {
  return {
    params: spec.params ? parseOrThrow(spec.params, params) : undefined,
    query: spec.query ? parseQuery(spec.query, searchParamsOf(request.url)) : undefined,
    body: spec.body ? parseOrThrow(spec.body, parseJsonObject(await bodyBytes()), spec.unknownBodyFields) : undefined,
    headers: spec.headers ? parseHeaders(spec.headers, request.headers) : undefined,
  };
}
