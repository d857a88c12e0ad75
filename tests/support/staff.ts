import { inject } from "vitest";
import { createStaffUser } from "../../lib/staff/repository";
import type { Store } from "../../lib/db/client";
import { testStore, type Tenant } from "./fixtures";

// Dashboard callers: a staff user of a tenant, signed in over HTTP like the sign-in form does.

export const STAFF_PASSWORD = "staff-password-1";

export interface SignedInStaff {
  userId: string;
  email: string;
  /** The `Cookie` header value carrying the session. */
  cookie: string;
  /** Headers a same-origin dashboard request sends (cookie + Origin). */
  headers: Record<string, string>;
}

let counter = 0;

export async function signIn(email: string, password: string, baseUrl = inject("baseUrl")): Promise<Response> {
  return fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
}

/** Creates a staff user in the tenant's workspace and signs them in. */
export async function signedInStaff(tenant: Tenant, store: Store = testStore(), baseUrl = inject("baseUrl")): Promise<SignedInStaff> {
  const email = `staff${++counter}.${tenant.workspaceId.toLowerCase()}@example.com`;
  const user = await createStaffUser(store, tenant.workspaceId, { email, password: STAFF_PASSWORD, name: "Test Staff" });
  const response = await signIn(email, STAFF_PASSWORD, baseUrl);
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  return { userId: user.id, email, cookie, headers: { cookie, origin: baseUrl } };
}
