"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, ApiRequestError, jsonBody } from "@/lib/http/api-fetch";
import type { CreateSavedViewInput, SavedView } from "./schemas";

const ENDPOINT = "/api/workspace/saved-views";

export const savedViewKeys = { all: ["saved-views"] as const };

/** The signed-in staff member's views, then those others shared. */
export function useSavedViews() {
  return useQuery({
    queryKey: savedViewKeys.all,
    queryFn: () => apiFetch<{ savedViews: SavedView[] }>(ENDPOINT).then((data) => data.savedViews),
  });
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSavedViewInput) =>
      apiFetch<{ savedView: SavedView }>(ENDPOINT, { method: "POST", body: jsonBody(input) }).then((data) => data.savedView),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (view: Pick<SavedView, "id" | "name">) => apiFetch(`${ENDPOINT}/${encodeURIComponent(view.id)}`, { method: "DELETE" }),
    onSettled: (_data, error, view) => {
      // A 404 means it was deleted elsewhere already: gone either way.
      const gone = !error || (error instanceof ApiRequestError && error.status === 404);
      if (gone) queryClient.setQueryData<SavedView[]>(savedViewKeys.all, (views) => views?.filter((v) => v.id !== view.id));
      return queryClient.invalidateQueries({ queryKey: savedViewKeys.all });
    },
  });
}
