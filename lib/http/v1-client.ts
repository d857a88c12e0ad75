"use client";
import createClient from "openapi-fetch";
import type { paths } from "@/clients/typescript/schema";
import { networkError, requestFailed, type ErrorDetails } from "./api-fetch";

// The dashboard's calls to the public /v1 API go through the typed client generated from the
// OpenAPI document (clients/typescript), as an integration's would: paths, parameters, bodies and
// answers are checked against the document at compile time. It sends the session cookie, no key.

export const v1 = createClient<paths>({ baseUrl: "", credentials: "same-origin" });

interface ClientResult<T> {
  data?: { data: T };
  error?: { error: { code: string; message: string; details?: ErrorDetails } };
  response: Response;
}

/** The answer's `data` and its response (for headers such as ETag); a failed answer thrown as ApiRequestError. */
export async function answerOf<T>(call: Promise<ClientResult<T>>): Promise<{ data: T; response: Response }> {
  let result: ClientResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkError();
  }
  if (result.data) return { data: result.data.data, response: result.response };
  throw requestFailed(result.response, result.error?.error);
}

/** The answer's `data` alone. */
export async function dataOf<T>(call: Promise<ClientResult<T>>): Promise<T> {
  return (await answerOf(call)).data;
}
