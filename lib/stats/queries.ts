"use client";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import type { WorkspaceStats } from "./types";

export const statsKeys = { all: ["stats"] as const };

/** The overview's statistics, counted on the server. */
export function useWorkspaceStats() {
  return useQuery({
    queryKey: statsKeys.all,
    queryFn: () => apiFetch<WorkspaceStats>("/api/workspace/stats"),
    staleTime: 60_000,
  });
}
