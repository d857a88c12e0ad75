"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { dataOf, v1 } from "@/lib/http/v1-client";

export const TIMELINE_PAGE_SIZE = 10;

export const conversationKeys = {
  ofContact: (contactId: string) => ["contacts", "detail", contactId, "conversations"] as const,
};

/** A contact's conversations, newest first, a page at a time ("Load more"). */
export function useContactConversations(contactId: string) {
  return useInfiniteQuery({
    queryKey: conversationKeys.ofContact(contactId),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      dataOf(
        v1.GET("/v1/contacts/{contactId}/conversations", {
          params: { path: { contactId }, query: { limit: TIMELINE_PAGE_SIZE, offset: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => (last.offset + last.conversations.length < last.total ? last.offset + last.limit : undefined),
  });
}
