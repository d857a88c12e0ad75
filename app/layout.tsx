import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Nexvio Contacts", template: "%s · Nexvio Contacts" },
  description: "The contacts your Nexvio chatbots collect.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so each one gets the script nonce proxy.ts made for it
  // (a page prerendered at build time, like the 404, would carry scripts the policy blocks).
  await connection();
  return (
    <html lang="en" className="scheme-light-dark">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
