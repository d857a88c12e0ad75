"use client";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { useSendTestEvent, useWebhookEndpoints } from "@/lib/webhooks/queries";
import type { WebhookEndpoint } from "@/lib/webhooks/schemas";
import { WebhookDeliveriesTable } from "./webhook-deliveries-table";

/** Every endpoint of the workspace, each with its recent deliveries. */
export function WebhookEndpointsList() {
  const endpoints = useWebhookEndpoints();
  if (endpoints.isPending) {
    return (
      <div role="status" className="space-y-3">
        <span className="sr-only">Loading webhook endpoints…</span>
        <Skeleton className="h-32 w-full" />
      </div>
    );
  }
  if (endpoints.isError) return <ErrorState message={endpoints.error.message} onRetry={() => void endpoints.refetch()} />;
  if (endpoints.data.endpoints.length === 0) {
    return (
      <EmptyState title="No webhook endpoints yet">
        <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">
          Add an endpoint to have contact changes POSTed to your systems as they happen, signed so that you can tell them from forgeries.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-6">
      {endpoints.data.endpoints.map((endpoint) => (
        <EndpointCard key={endpoint.id} endpoint={endpoint} />
      ))}
    </div>
  );
}

function EndpointCard({ endpoint }: { endpoint: WebhookEndpoint }) {
  const sendTest = useSendTestEvent(endpoint.id);
  const headingId = `endpoint-${endpoint.id}`;
  return (
    <section aria-labelledby={headingId} className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div className="min-w-0 space-y-1">
          <h2 id={headingId} className="truncate font-mono text-sm font-medium" title={endpoint.url}>
            {endpoint.url}
          </h2>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {endpoint.enabled ? "Enabled" : "Disabled"} · {endpoint.events.join(", ")}
            {endpoint.description ? ` · ${endpoint.description}` : ""}
          </p>
        </div>
        <Button
          size="sm"
          disabled={sendTest.isPending}
          onClick={() =>
            sendTest.mutate(undefined, {
              onSuccess: () => toast.success("Test event queued"),
              onError: (error) => toast.error(`Could not send a test event: ${error.message}`),
            })
          }
        >
          Send test event
        </Button>
      </div>
      <WebhookDeliveriesTable endpointId={endpoint.id} label={endpoint.url} />
    </section>
  );
}
