"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { ApiRequestError } from "@/lib/http/api-fetch";
import "@/lib/validation/no-eval-in-browser";

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx will not change on retry; network blips and 5xx get two more tries.
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: shouldRetry, refetchOnWindowFocus: true } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <Toaster theme="system" richColors closeButton position="bottom-right" />
    </QueryClientProvider>
  );
}
