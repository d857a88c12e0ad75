"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import type { ResponseData } from "../api/route";
import type { listContactConversationsRoute } from "../api/routes/conversations";

export const TIMELINE_PAGE_SIZE = 10;

type ConversationPage = ResponseData<typeof listContactConversationsRoute>;

export const conversationKeys = {
  ofContact: (contactId: string) => ["contacts", "detail", contactId, "conversations"] as const,
};

/** A contact's conversations, newest first, a page at a time ("Load more"). */
export function useContactConversations(contactId: string) {
  return useInfiniteQuery({
    queryKey: conversationKeys.ofContact(contactId),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<ConversationPage>(
        `/v1/contacts/${encodeURIComponent(contactId)}/conversations?limit=${TIMELINE_PAGE_SIZE}&offset=${pageParam}`,
        { signal },
      ),
    getNextPageParam: (last) => (last.offset + last.conversations.length < last.total ? last.offset + last.limit : undefined),
  });
}
