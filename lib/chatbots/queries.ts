"use client";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";

export interface ChatbotSummary {
  id: string;
  name: string;
}

export const chatbotKeys = { all: ["chatbots"] as const };

/** The workspace's chatbots; they change rarely, so they are cached for the session. */
export function useChatbots() {
  return useQuery({
    queryKey: chatbotKeys.all,
    queryFn: () => apiFetch<{ chatbots: ChatbotSummary[] }>("/api/workspace/chatbots").then((data) => data.chatbots),
    staleTime: 5 * 60_000,
  });
}
