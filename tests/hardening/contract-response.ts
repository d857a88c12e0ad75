import { expect } from "vitest";
import type { RawResponse } from "../support/raw-http";

// The contract's answer to any request, whatever was sent: a status from its table, the envelope,
// the JSON content type, a request id, and within the time bound.

export const MAX_RESPONSE_MS = 2000;

const ERROR_CODE_OF_STATUS: Record<number, string> = {
  400: "validation_error",
  401: "unauthorized",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

export interface EnvelopeOptions {
  /** The statuses this request may get; each must be in the contract's table. */
  allowed: readonly number[];
}

/** Asserts the contract's shape and returns the parsed body. */
export function expectContractResponse(response: RawResponse, { allowed }: EnvelopeOptions): { status: string; data?: unknown; error?: { code: string; message: string; details?: Record<string, string> } } {
  const summary = `${response.status} ${response.text.slice(0, 300)}`;
  expect(allowed, summary).toContain(response.status);
  expect(response.headers["content-type"], summary).toBe("application/json; charset=utf-8");
  expect(response.headers["x-request-id"], summary).toMatch(/^[\w.:-]{1,128}$/);
  expect(response.elapsedMs, summary).toBeLessThan(MAX_RESPONSE_MS);

  const body = JSON.parse(response.text);
  if (response.status < 300) {
    expect(Object.keys(body).sort(), summary).toEqual(["data", "status"]);
    expect(body.status, summary).toBe("success");
    expect(typeof body.data, summary).toBe("object");
    return body;
  }
  expect(Object.keys(body).sort(), summary).toEqual(["error", "status"]);
  expect(body.status, summary).toBe("error");
  const { code, message, details, ...rest } = body.error;
  expect(rest, summary).toEqual({});
  expect(code, summary).toBe(ERROR_CODE_OF_STATUS[response.status]);
  expect(typeof message, summary).toBe("string");
  if (code === "validation_error") {
    expect(details, summary).toBeTypeOf("object");
    expect(Object.keys(details).length, summary).toBeGreaterThan(0);
    for (const value of Object.values(details)) expect(typeof value, summary).toBe("string");
  } else {
    expect(details, summary).toBeUndefined();
  }
  if (response.status === 401) expect(response.headers["www-authenticate"], summary).toMatch(/^Bearer\b/);
  if (response.status === 405) expect(response.headers.allow, summary).toBeTruthy();
  return body;
}
