"use client";
import { Bot, Mail, MessageSquare, Phone, Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { Button, focusRing } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ChatbotSummary } from "@/lib/chatbots/queries";
import { cn } from "@/lib/cn";
import type { ContactWithConversations } from "@/lib/contacts/schemas";
import { useContactConversations } from "@/lib/conversations/queries";

// The top of a contact's page, read like a profile: who they are, how to reach them (links and
// copy buttons), which chatbot found them, how much they have talked and when.

const linkClass = cn("truncate rounded text-indigo-700 hover:underline dark:text-indigo-300", focusRing);

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">
        {icon}
      </span>
      <dt className="sr-only">{label}</dt>
      <dd className="flex min-w-0 items-center gap-1 text-sm">{children}</dd>
    </div>
  );
}

/** An email or phone as a link (mailto:, tel:) with its copy button, or that there is none. */
function ReachableAt({ value, href, label }: { value: string | null; href: string; label: string }) {
  if (value === null) return <span className="text-slate-500 dark:text-slate-400">No {label.toLowerCase()}</span>;
  return (
    <>
      <a href={href} className={linkClass} title={value}>
        {value}
      </a>
      <CopyButton value={value} label={label} />
    </>
  );
}

/** When the contact was first and last seen: created or first conversation, and the latest message. */
function seen(contact: ContactWithConversations): { first: string; last: string | null } {
  const oldestConversation = contact.conversations.at(-1)?.startedAt;
  const first = oldestConversation && oldestConversation < contact.createdAt ? oldestConversation : contact.createdAt;
  return { first, last: contact.conversations[0]?.lastMessageAt ?? null };
}

export function ContactProfileHeader({
  contact,
  title,
  chatbots,
  onDelete,
}: {
  contact: ContactWithConversations;
  title: string;
  chatbots: ChatbotSummary[];
  onDelete: () => void;
}) {
  // The timeline's own query (same key): its first page carries the total.
  const conversations = useContactConversations(contact.id);
  const conversationCount = conversations.data?.pages.at(-1)?.total;
  const chatbotName = chatbots.find((chatbot) => chatbot.id === contact.chatbotId)?.name ?? contact.chatbotId;
  const { first, last } = seen(contact);

  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0 space-y-3">
        <div>
          <h1 className="truncate text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-1 flex items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
            <span className="font-mono">{contact.id}</span>
            <CopyButton value={contact.id} label="Contact id" />
          </p>
        </div>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <Fact icon={<Mail className="size-4" />} label="Email">
            <ReachableAt value={contact.email} href={`mailto:${contact.email}`} label="Email" />
          </Fact>
          <Fact icon={<Phone className="size-4" />} label="Phone">
            <ReachableAt value={contact.phone} href={`tel:${contact.phone?.replace(/[^\d+]/g, "")}`} label="Phone" />
          </Fact>
          <Fact icon={<Bot className="size-4" />} label="Chatbot">
            <span className="truncate">{chatbotName}</span>
          </Fact>
          <Fact icon={<MessageSquare className="size-4" />} label="Conversations">
            <span>
              {conversationCount === undefined ? "…" : `${conversationCount} conversation${conversationCount === 1 ? "" : "s"}`}
              <span className="text-slate-600 dark:text-slate-400">
                {" "}
                · first seen <RelativeTime value={first} />
                {last ? (
                  <>
                    {" "}
                    · last seen <RelativeTime value={last} />
                  </>
                ) : null}
              </span>
            </span>
          </Fact>
        </dl>
      </div>
      <Button variant="danger" onClick={onDelete}>
        <Trash2 aria-hidden="true" className="size-4" />
        Delete
      </Button>
    </div>
  );
}
