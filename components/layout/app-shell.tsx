"use client";
import { BookOpen, ContactRound, KeyRound, Webhook, LayoutDashboard, LogOut } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button, focusRing } from "@/components/ui/button";
import { authClient } from "@/lib/auth/client";
import { cn } from "@/lib/cn";
import { GlobalShortcuts } from "@/components/shortcuts/global-shortcuts";
import { SavedViewsNav } from "@/components/saved-views/saved-views-nav";

const NAVIGATION = [
  { href: "/", label: "Overview", icon: LayoutDashboard },
  { href: "/contacts", label: "Contacts", icon: ContactRound },
  { href: "/settings/api-keys", label: "API keys", icon: KeyRound },
  { href: "/settings/webhooks", label: "Webhooks", icon: Webhook },
  { href: "/api-reference", label: "API reference", icon: BookOpen },
];

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function AppShell({
  user,
  workspace,
  children,
}: {
  user: { email: string; name: string };
  workspace: { name: string };
  children: ReactNode;
}) {
  const pathname = usePathname();
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    await authClient.signOut();
    router.replace("/login");
    router.refresh();
  }

  return (
    <div className="min-h-screen md:grid md:grid-cols-[15rem_1fr]">
      <a href="#main" className={cn("sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2", focusRing)}>
        Skip to content
      </a>
      <GlobalShortcuts />
      <header className="flex flex-col border-b border-slate-200 bg-white md:min-h-screen md:border-r md:border-b-0 dark:border-slate-800 dark:bg-slate-900">
        <div className="px-4 py-4">
          <p className="text-xs font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-400">Nexvio Contacts</p>
          <p className="mt-1 truncate text-sm font-medium" title={workspace.name}>
            {workspace.name}
          </p>
        </div>
        <nav aria-label="Main" className="px-2 pb-2">
          <ul className="flex flex-wrap gap-1 md:flex-col">
            {NAVIGATION.map(({ href, label, icon: Icon }) => {
              const current = isCurrent(pathname, href);
              return (
                <li key={href}>
                  <Link
                    href={href}
                    aria-current={current ? "page" : undefined}
                    className={cn(
                      "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
                      focusRing,
                      current
                        ? "bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
                        : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
                    )}
                  >
                    <Icon aria-hidden="true" className="size-4" />
                    {label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <SavedViewsNav />
        <div className="md:flex-1" />
        <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-4 py-3 dark:border-slate-800">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium">{user.name}</p>
            <p className="truncate text-xs text-slate-600 dark:text-slate-400">{user.email}</p>
          </div>
          <Button variant="ghost" size="sm" onClick={signOut} disabled={signingOut} aria-label="Sign out" title="Sign out">
            <LogOut aria-hidden="true" className="size-4" />
          </Button>
        </div>
      </header>
      <main id="main" className="min-w-0 px-4 py-6 md:px-8">
        {children}
      </main>
    </div>
  );
}
