"use client";
import { format, isToday, isYesterday } from "date-fns";
import { MessageSquare } from "lucide-react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { ChatbotSummary } from "@/lib/chatbots/queries";
import { useContactConversations } from "@/lib/conversations/queries";
import type { Conversation } from "@/lib/conversations/schemas";

function dayLabel(date: Date): string {
  if (isToday(date)) return "Today";
  if (isYesterday(date)) return "Yesterday";
  return format(date, "EEEE, MMMM d, yyyy");
}

/** Consecutive conversations (already newest first) grouped by the local day they started. */
function groupByDay(conversations: Conversation[]): { day: string; label: string; items: Conversation[] }[] {
  const groups: { day: string; label: string; items: Conversation[] }[] = [];
  for (const conversation of conversations) {
    const started = new Date(conversation.startedAt);
    const day = format(started, "yyyy-MM-dd");
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(conversation);
    else groups.push({ day, label: dayLabel(started), items: [conversation] });
  }
  return groups;
}

export function ConversationTimeline({ contactId, chatbots }: { contactId: string; chatbots: ChatbotSummary[] }) {
  const query = useContactConversations(contactId);
  const conversations = query.data?.pages.flatMap((page) => page.conversations) ?? [];
  const total = query.data?.pages.at(-1)?.total ?? 0;
  const chatbotName = (id: string) => chatbots.find((chatbot) => chatbot.id === id)?.name ?? id;

  return (
    <section aria-labelledby="timeline-heading" className="space-y-4">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Conversations
        </h2>
        {query.data ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {conversations.length < total ? `${conversations.length} of ${total}` : `${total} in all`}
          </p>
        ) : null}
      </div>
      {query.isPending ? (
        <div className="space-y-3" aria-label="Loading conversations">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-16 w-full" />
          ))}
        </div>
      ) : query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
      ) : conversations.length === 0 ? (
        <EmptyState title="No conversations yet">
          <p className="text-sm text-slate-600 dark:text-slate-400">Conversations with this contact will show up here.</p>
        </EmptyState>
      ) : (
        <ol className="space-y-5" aria-label="Conversations, newest first">
          {groupByDay(conversations).map((group) => (
            <li key={group.day}>
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">{group.label}</h3>
              <ol className="space-y-2 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
                {group.items.map((conversation) => (
                  <li key={conversation.id}>
                    <article
                      aria-label={conversation.summary ?? "Conversation without summary"}
                      className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900"
                    >
                    <p className="font-medium">{conversation.summary ?? <span className="italic">No summary</span>}</p>
                    <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
                      <span>
                        Started <RelativeTime value={conversation.startedAt} />
                      </span>
                      <span>
                        Last message <RelativeTime value={conversation.lastMessageAt} />
                      </span>
                      <span className="inline-flex items-center gap-1">
                        <MessageSquare aria-hidden="true" className="size-3" />
                        {conversation.messageCount} {conversation.messageCount === 1 ? "message" : "messages"}
                      </span>
                      <span>{chatbotName(conversation.chatbotId)}</span>
                    </p>
                    </article>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
      {query.hasNextPage ? (
        <Button onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </section>
  );
}
