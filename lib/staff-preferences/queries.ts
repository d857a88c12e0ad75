"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, jsonBody } from "@/lib/http/api-fetch";
import { DEFAULT_CONTACT_COLUMNS, type ContactColumns } from "./schemas";

const ENDPOINT = "/api/workspace/preferences/contacts-columns";

export const contactColumnsKey = ["preferences", "contacts-columns"] as const;

/** The signed-in staff member's contacts columns (the default until they load). */
export function useContactColumns() {
  return useQuery({
    queryKey: contactColumnsKey,
    queryFn: () => apiFetch<{ columns: ContactColumns }>(ENDPOINT).then((data) => data.columns),
    placeholderData: DEFAULT_CONTACT_COLUMNS,
    staleTime: Infinity,
  });
}

/** Saves a choice; the table shows it at once and goes back if the server refuses it. */
export function useSaveContactColumns() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (columns: ContactColumns) => apiFetch<{ columns: ContactColumns }>(ENDPOINT, { method: "PUT", body: jsonBody(columns) }).then((data) => data.columns),
    onMutate: async (columns) => {
      await queryClient.cancelQueries({ queryKey: contactColumnsKey });
      const previous = queryClient.getQueryData<ContactColumns>(contactColumnsKey);
      queryClient.setQueryData(contactColumnsKey, columns);
      return { previous };
    },
    onError: (_error, _columns, context) => queryClient.setQueryData(contactColumnsKey, context?.previous),
    onSuccess: (columns) => queryClient.setQueryData(contactColumnsKey, columns),
  });
}
