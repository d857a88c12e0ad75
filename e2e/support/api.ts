import type { Contact } from "../../lib/contacts/schemas";
import { E2E_BASE_URL } from "./paths";

// Calls the /v1 API as an integration would (API key, Node's fetch): to set up data and to check
// what the dashboard stored, independently of the browser.

export async function apiCall<T = unknown>(apiKey: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${E2E_BASE_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function createContactViaApi(apiKey: string, input: Record<string, unknown>): Promise<Contact> {
  const { status, body } = await apiCall<{ data: { contact: Contact } }>(apiKey, "POST", "/v1/contacts", input);
  if (status !== 201) throw new Error(`creating a contact failed: ${status} ${JSON.stringify(body)}`);
  return body.data.contact;
}

export async function getContactViaApi(apiKey: string, id: string): Promise<{ status: number; contact?: Contact }> {
  const { status, body } = await apiCall<{ data?: { contact: Contact } }>(apiKey, "GET", `/v1/contacts/${id}`);
  return { status, contact: body?.data?.contact };
}

/** A name no other spec (or earlier run) uses, so searches find exactly what a spec made. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
