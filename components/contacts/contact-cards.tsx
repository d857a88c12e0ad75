"use client";
import Link from "next/link";
import { focusRing } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Contact } from "@/lib/contacts/schemas";
import { cn } from "@/lib/cn";

// On a phone the contacts table becomes a list of cards: name, email, chatbot and when created,
// each card one link to the contact.

export function ContactCards({ contacts, chatbotNames, dimmed }: { contacts: Contact[]; chatbotNames: ReadonlyMap<string, string>; dimmed: boolean }) {
  return (
    <ul aria-label="Contacts" className={cn("divide-y divide-slate-100 dark:divide-slate-800", dimmed && "opacity-60")}>
      {contacts.map((contact) => (
        <li key={contact.id}>
          <Link
            href={`/contacts/${encodeURIComponent(contact.id)}`}
            prefetch={false}
            className={cn("block px-4 py-3 hover:bg-slate-50 dark:hover:bg-slate-800/60", focusRing)}
          >
            <span className="flex items-baseline justify-between gap-3">
              <span className="truncate font-medium text-slate-900 dark:text-slate-100">
                {contact.name ?? <span className="text-slate-500 italic dark:text-slate-400">No name</span>}
              </span>
              <RelativeTime value={contact.createdAt} className="shrink-0 text-xs text-slate-600 dark:text-slate-400" />
            </span>
            <span className="mt-0.5 block truncate text-sm text-slate-700 dark:text-slate-300">{contact.email ?? "No email"}</span>
            <span className="mt-0.5 block truncate text-xs text-slate-600 dark:text-slate-400">{chatbotNames.get(contact.chatbotId) ?? contact.chatbotId}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
