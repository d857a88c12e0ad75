"use client";
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { answerOf, dataOf, v1 } from "@/lib/http/v1-client";
import { listRequestQuery, type ContactListView } from "./list-view";
import type { ContactWithConversations, CreateContactInput, UpdateContactInput } from "./schemas";

// React Query keys and fetchers for contacts, over the public /v1 API with the staff session,
// through the typed client generated from the OpenAPI document (lib/http/v1-client.ts).

export const contactKeys = {
  all: ["contacts"] as const,
  lists: () => [...contactKeys.all, "list"] as const,
  list: (view: ContactListView) => [...contactKeys.lists(), view] as const,
  detail: (id: string) => [...contactKeys.all, "detail", id] as const,
};

function contactListQuery(view: ContactListView) {
  return queryOptions({
    queryKey: contactKeys.list(view),
    queryFn: ({ signal }) => dataOf(v1.GET("/v1/contacts", { params: { query: listRequestQuery(view) }, signal })),
  });
}

export function useContactList(view: ContactListView) {
  // The previous page stays on screen while the next one loads.
  return useQuery({ ...contactListQuery(view), placeholderData: keepPreviousData });
}

/**
 * Asks for a view's rows at once, before React renders the table for the new URL (which would
 * start the same request, shared, some 40 ms later).
 */
export function usePrefetchContactList() {
  const queryClient = useQueryClient();
  return useCallback((view: ContactListView) => void queryClient.prefetchQuery(contactListQuery(view)), [queryClient]);
}

/** A contact as the page holds it: with the ETag of the version it shows (for If-Match). */
export type ContactVersion = ContactWithConversations & { etag: string };

function contactQuery(id: string) {
  return queryOptions({
    queryKey: contactKeys.detail(id),
    queryFn: async ({ signal }): Promise<ContactVersion> => {
      const { data, response } = await answerOf(v1.GET("/v1/contacts/{contactId}", { params: { path: { contactId: id } }, signal }));
      return { ...data.contact, etag: response.headers.get("ETag") ?? "" };
    },
  });
}

export function useContact(id: string) {
  return useQuery(contactQuery(id));
}

/** The contact as it is now on the server (not from the cache). */
export function useFetchLatestContact(id: string) {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.fetchQuery({ ...contactQuery(id), staleTime: 0 }), [queryClient, id]);
}

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateContactInput) =>
      dataOf(v1.POST("/v1/contacts", { body: input })).then((d) => d.contact),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: contactKeys.lists() });
    },
  });
}

/**
 * Saves a change to the version `ifMatch` names: if someone else changed the contact since, the
 * server refuses with 412 `precondition_failed` and nothing is overwritten.
 */
export function useUpdateContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ patch, ifMatch }: { patch: UpdateContactInput; ifMatch: string }) => {
      const { data, response } = await answerOf(
        v1.PATCH("/v1/contacts/{contactId}", { params: { path: { contactId: id }, header: { "If-Match": ifMatch } }, body: patch }),
      );
      return { ...data.contact, etag: response.headers.get("ETag") ?? "" };
    },
    onSuccess: async (contact) => {
      queryClient.setQueryData<ContactVersion>(contactKeys.detail(id), (old) => (old ? { ...old, ...contact } : undefined));
      await queryClient.invalidateQueries({ queryKey: contactKeys.lists() });
    },
  });
}

/**
 * Removing a deleted contact's queries (its detail and conversations) while its page still shows
 * them would make that page fetch them again, and get 404s. So on success they are only cancelled;
 * they are removed once the page using this hook has gone.
 */
export function useDeleteContact(id: string) {
  const queryClient = useQueryClient();
  const deleted = useRef(false);
  useEffect(() => {
    const state = deleted;
    return () => {
      if (state.current) queryClient.removeQueries({ queryKey: contactKeys.detail(id) });
    };
  }, [queryClient, id]);
  return useMutation({
    mutationFn: () => dataOf(v1.DELETE("/v1/contacts/{contactId}", { params: { path: { contactId: id } } })),
    onSuccess: async () => {
      deleted.current = true;
      await queryClient.cancelQueries({ queryKey: contactKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: contactKeys.lists() });
    },
  });
}
