import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { findWorkspace } from "../workspaces/repository";
import { getStore } from "../db/client";
import { getAuth } from "./server";
import { REQUESTED_PATH_HEADER, signInPath } from "./paths";

export interface StaffContext {
  user: { id: string; email: string; name: string };
  workspace: { id: string; name: string };
}

/** The signed-in staff member of a dashboard page, or a redirect to sign-in that comes back here. */
export async function requireStaffSession(): Promise<StaffContext> {
  const requestHeaders = await headers();
  const session = await (await getAuth()).api.getSession({ headers: requestHeaders });
  const workspace = session ? await findWorkspace(await getStore(), session.user.workspaceId) : undefined;
  if (!session || !workspace) redirect(signInPath(requestHeaders.get(REQUESTED_PATH_HEADER)));
  return {
    user: { id: session.user.id, email: session.user.email, name: session.user.name },
    workspace: { id: workspace.id, name: workspace.name },
  };
}

/** Whether the request carries a valid staff session (for the sign-in page). */
export async function hasStaffSession(): Promise<boolean> {
  return (await (await getAuth()).api.getSession({ headers: await headers() })) !== null;
}
