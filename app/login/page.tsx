import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeReturnPath } from "@/lib/auth/paths";
import { hasStaffSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

// GET /login — staff sign-in; `next` is where to go afterwards (same-site paths only).
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : undefined);
  if (await hasStaffSession()) redirect(returnTo);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-center text-sm font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-400">
          Nexvio Contacts
        </p>
        <h1 className="mt-2 text-center text-2xl font-semibold tracking-tight">Sign in to the dashboard</h1>
        <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <SignInForm returnTo={returnTo} />
        </div>
      </div>
    </main>
  );
}
