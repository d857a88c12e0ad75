import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requireStaffSession } from "@/lib/auth/session";

// Every page in this group needs a staff session; without one, requireStaffSession redirects to sign-in.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, workspace } = await requireStaffSession();
  return (
    <AppShell user={user} workspace={workspace}>
      {children}
    </AppShell>
  );
}
