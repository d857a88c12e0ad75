// The dashboard's one way to call the server: same-origin fetch with the session cookie, the
// contract's envelope unwrapped, failures raised as ApiRequestError carrying the contract's code.

export type ErrorDetails = Record<string, string>;

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

interface Envelope<T> {
  status: "success" | "error";
  data?: T;
  error?: { code: string; message: string; details?: ErrorDetails };
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set("Content-Type", "application/json");
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: "same-origin" });
  } catch {
    throw networkError();
  }
  const envelope = (await response.json().catch(() => null)) as Envelope<T> | null;
  if (response.ok && envelope?.status === "success") return envelope.data as T;
  throw requestFailed(response, envelope?.error);
}

/** A failed answer as the error the dashboard shows (a 401 first sends the browser to sign in). */
export function requestFailed(response: Response, error?: { code: string; message: string; details?: ErrorDetails }): ApiRequestError {
  if (response.status === 401) redirectToSignIn();
  return new ApiRequestError(response.status, error?.code ?? "internal_error", error?.message ?? `The server answered ${response.status}`, error?.details);
}

export const networkError = () => new ApiRequestError(0, "network_error", "Could not reach the server. Check your connection and try again.");

/** The session has ended (signed out elsewhere, expired): sign in again and come back. */
function redirectToSignIn(): void {
  const here = window.location.pathname + window.location.search;
  // A full load on purpose: every cached query belonged to the ended session.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/login?next=${encodeURIComponent(here)}`);
}

export const jsonBody = (value: unknown) => JSON.stringify(value);
