import type { z } from "zod";
import type { ErrorCode } from "./errors";
import type { ApiPrincipal } from "./auth";
import type { Store } from "../db/client";
import type { JsonText } from "../json-text";

// One /v1 route, defined once: its method and path, the zod schemas of what it reads, what it
// answers per status, and its handler. The router (lib/api/app.ts), request validation and the
// OpenAPI document (lib/openapi/document.ts) are all built from these definitions, and the
// dashboard infers its response types from them (`ResponseData`).

export type Method = "get" | "post" | "patch" | "delete";

/** Response headers a route may document, described once in lib/openapi/headers.ts. */
export type DocumentedHeader = "Location" | "ETag";

export interface SuccessResponse<S extends z.ZodType = z.ZodType> {
  description: string;
  /** The `data` of the success envelope. */
  data: S;
  headers?: readonly DocumentedHeader[];
}

export interface RouteRequest {
  /** Path parameters, e.g. `{contactId}`. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Request headers the route reads (conditional requests), by their names. */
  headers?: z.ZodObject;
  /** Messages for fields the body schema does not know, where "Unknown field" would mislead. */
  unknownBodyFields?: Record<string, string>;
}

export interface RouteDefinition<
  Req extends RouteRequest = RouteRequest,
  Status extends 200 | 201 | 202 = 200 | 201 | 202,
  Data extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** OpenAPI-style path: `/v1/contacts/{contactId}`. */
  path: string;
  operationId: string;
  summary: string;
  /** What the operation does, for readers of the OpenAPI document and of generated clients. */
  description: string;
  tag: string;
  request: Req;
  success: { status: Status } & SuccessResponse<Data>;
  /** A GET that can answer 304 Not Modified (`If-None-Match`): what the 304 means. */
  notModified?: string;
  /**
   * The error answers this route gives besides those every route gives (401, 429, 500; 403 on
   * writes, with 409 and 422 of `Idempotency-Key`; 413 and 415 wherever there is a body:
   * lib/openapi/document.ts adds those).
   */
  errors: Partial<Record<RouteErrorCode, string>>;
  handler: (input: HandlerInput<Req>) => Promise<HandlerResult<Status, z.output<Data>>>;
}

type RouteErrorCode = Exclude<
  ErrorCode,
  | "unauthorized"
  | "rate_limited"
  | "internal_error"
  | "forbidden"
  | "payload_too_large"
  | "unsupported_media_type"
  | "method_not_allowed"
  | "idempotency_key_in_use"
  | "idempotency_key_reused"
>;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerInput<Req extends RouteRequest> {
  params: Parsed<Req["params"]>;
  query: Parsed<Req["query"]>;
  body: Parsed<Req["body"]>;
  headers: Parsed<Req["headers"]>;
  principal: ApiPrincipal;
  store: Store;
  request: Request;
}

export interface HandlerResult<Status extends number, Data> {
  status: Status;
  /** The answer's `data`, or its JSON text already written (lib/json-text.ts). */
  data: Data | JsonText<Data>;
  headers?: Record<string, string>;
  /** 304 Not Modified: no body, only `headers` (the client's copy is current). */
  notModified?: boolean;
}

/** Declares a route; the type parameters carry its schemas to the handler and to the dashboard. */
export function defineRoute<Req extends RouteRequest, Status extends 200 | 201 | 202, Data extends z.ZodType>(
  route: RouteDefinition<Req, Status, Data>,
): RouteDefinition<Req, Status, Data> {
  return route;
}

// A route whose types no longer matter (the router and the document treat all routes alike).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any>;

/** The `data` a route answers with on success: what the dashboard's fetchers return. */
export type ResponseData<R> = R extends { success: { data: infer Data extends z.ZodType } } ? z.output<Data> : never;
