import { expect, inject } from "vitest";
import { documentedAnswers, expectDocumented, jsonOrUndefined } from "./documented-answers";

// A thin HTTP client for the tests: real requests to the real server, JSON in and out. Every /v1
// answer it receives is checked against the server's own OpenAPI document.

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  baseUrl?: string;
}

export async function call<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: BodyInit | undefined = options.rawBody as BodyInit | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const baseUrl = options.baseUrl ?? inject("baseUrl");
  const problemsOf = path.startsWith("/v1") ? await documentedAnswers(baseUrl) : undefined;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  const parsed = jsonOrUndefined(text) as any;
  if (problemsOf) expectDocumented(problemsOf, { method, path, status: response.status, headers: response.headers, body: parsed });
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** An API bound to one key. */
export function client(key: string | null, baseUrl?: string) {
  const bound = (method: string) => (path: string, options: Omit<RequestOptions, "key"> = {}) =>
    call(method, path, { ...options, key, baseUrl });
  return { get: bound("GET"), post: bound("POST"), patch: bound("PATCH"), delete: bound("DELETE"), put: bound("PUT") };
}

/** Asserts the contract's error envelope with this status and code; returns the error object. */
export function expectError(response: ApiResponse, status: number, code: string) {
  expect({ status: response.status, body: response.body }).toMatchObject({
    status,
    body: { status: "error", error: { code, message: expect.any(String) } },
  });
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  if (code !== "validation_error") expect(response.body.error).not.toHaveProperty("details");
  return response.body.error as { code: string; message: string; details?: Record<string, string> };
}

/** Asserts a success envelope with this status; returns `data`. */
export function expectSuccess(response: ApiResponse, status = 200) {
  expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { status: "success" } });
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return response.body.data;
}
