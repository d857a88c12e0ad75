"use client";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { cn } from "@/lib/cn";
import { useResendDelivery, useWebhookDeliveries } from "@/lib/webhooks/queries";
import type { WebhookDelivery } from "@/lib/webhooks/schemas";

const cellClass = "px-4 py-2 whitespace-nowrap";
const headerCellClass = "px-4 py-2 font-medium";
const STATUS_CLASS: Record<WebhookDelivery["status"], string> = {
  succeeded: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  pending: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  failed: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
};

/** An endpoint's recent deliveries, newest first, each with a Resend. */
export function WebhookDeliveriesTable({ endpointId, label }: { endpointId: string; label: string }) {
  const deliveries = useWebhookDeliveries(endpointId);
  const resend = useResendDelivery(endpointId);

  if (deliveries.isPending) return <Skeleton className="m-4 h-16" />;
  if (deliveries.isError) return <ErrorState message={deliveries.error.message} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.data.deliveries.length === 0) {
    return <p className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">No deliveries yet: events appear here as contacts change.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] text-left text-sm" aria-label={`Recent deliveries to ${label}`}>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-800 dark:bg-slate-800/60 dark:text-slate-300">
          <tr>
            {["Event", "Status", "Attempts", "Last answer", "Latency", "Created"].map((heading) => (
              <th key={heading} scope="col" className={headerCellClass}>
                {heading}
              </th>
            ))}
            <th scope="col" className={headerCellClass}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {deliveries.data.deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <th scope="row" className={cn(cellClass, "font-mono font-normal")}>
                {delivery.eventType}
              </th>
              <td className={cellClass}>
                <span className={cn("rounded px-2 py-0.5 text-xs font-medium", STATUS_CLASS[delivery.status])}>{delivery.status}</span>
              </td>
              <td className={cellClass}>{delivery.attempts}</td>
              <td className={cellClass} title={delivery.lastError ?? undefined}>
                {delivery.lastStatusCode ?? (delivery.lastError ? "no answer" : "—")}
              </td>
              <td className={cellClass}>{delivery.lastLatencyMs === null ? "—" : `${delivery.lastLatencyMs} ms`}</td>
              <td className={cellClass}>
                <RelativeTime value={delivery.createdAt} />
              </td>
              <td className={cn(cellClass, "text-right")}>
                <Button
                  size="sm"
                  aria-label={`Resend ${delivery.eventType} ${delivery.webhookId}`}
                  disabled={resend.isPending && resend.variables === delivery.id}
                  onClick={() =>
                    resend.mutate(delivery.id, {
                      onSuccess: () => toast.success(`Resending ${delivery.eventType}`),
                      onError: (error) => toast.error(`Could not resend: ${error.message}`),
                    })
                  }
                >
                  Resend
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
