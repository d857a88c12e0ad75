"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, ApiRequestError, jsonBody } from "@/lib/http/api-fetch";
import type { ApiKey, CreateApiKeyInput, CreatedApiKey } from "./schemas";

const ENDPOINT = "/api/workspace/api-keys";

export const apiKeyKeys = { all: ["api-keys"] as const };

/** The workspace's active keys, newest first. */
export function useApiKeys() {
  return useQuery({
    queryKey: apiKeyKeys.all,
    queryFn: () => apiFetch<{ apiKeys: ApiKey[] }>(ENDPOINT).then((data) => data.apiKeys),
  });
}

/** Creates a key; the result carries the plaintext key, which is never fetched again. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiKeyInput) => apiFetch<CreatedApiKey>(ENDPOINT, { method: "POST", body: jsonBody(input) }),
    onSuccess: ({ apiKey }) => {
      // Shown at once, then confirmed by a refetch (another tab may have changed the list too).
      queryClient.setQueryData<ApiKey[]>(apiKeyKeys.all, (keys) => (keys ? [apiKey, ...keys.filter((k) => k.id !== apiKey.id)] : keys));
      return queryClient.invalidateQueries({ queryKey: apiKeyKeys.all });
    },
  });
}

/** Revokes a key; it disappears from the list as soon as the server confirms. */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: Pick<ApiKey, "id" | "name">) =>
      apiFetch<{ revoked: true; id: string }>(`${ENDPOINT}/${encodeURIComponent(key.id)}`, { method: "DELETE" }),
    onSettled: (_data, error, key) => {
      // A 404 means it was revoked elsewhere already: gone either way. Other failures leave it listed.
      const gone = !error || (error instanceof ApiRequestError && error.status === 404);
      if (gone) queryClient.setQueryData<ApiKey[]>(apiKeyKeys.all, (keys) => keys?.filter((k) => k.id !== key.id));
      return queryClient.invalidateQueries({ queryKey: apiKeyKeys.all });
    },
  });
}
