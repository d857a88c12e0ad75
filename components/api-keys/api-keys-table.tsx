"use client";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button, focusRing } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { useApiKeys, useRevokeApiKey } from "@/lib/api-keys/queries";
import type { ApiKey } from "@/lib/api-keys/schemas";
import { cn } from "@/lib/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import { useReturnFocus } from "@/lib/hooks/use-return-focus";

const cellClass = "px-4 py-3 whitespace-nowrap";
const headerCellClass = "px-4 py-3 font-medium";

/** The workspace's active keys, each with a Revoke that asks first. */
export function ApiKeysTable() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [target, setTarget] = useState<ApiKey | null>(null);
  const section = useRef<HTMLElement>(null);
  const rememberOpener = useReturnFocus(target !== null, section);

  function confirmRevoke(key: ApiKey) {
    revoke.mutate(key, {
      onSuccess: () => toast.success(`Revoked ${key.name}`),
      onError: (error) => toast.error(`Could not revoke ${key.name}: ${error.message}`),
      onSettled: () => setTarget(null),
    });
  }

  return (
    <section ref={section} tabIndex={-1} aria-labelledby="api-keys-heading" className={cn("rounded-lg", focusRing)}>
      <h2 id="api-keys-heading" className="sr-only">
        Active API keys
      </h2>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
        {keys.isPending ? (
          <LoadingRows />
        ) : keys.isError ? (
          <ErrorState message={keys.error.message} onRetry={() => void keys.refetch()} />
        ) : keys.data.length === 0 ? (
          <EmptyState title="No API keys yet">
            <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">
              Create a key for each integration that calls the API, so you can revoke one without breaking the others.
            </p>
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-800 dark:bg-slate-800/60 dark:text-slate-300">
                <tr>
                  <th scope="col" className={headerCellClass}>
                    Name
                  </th>
                  <th scope="col" className={headerCellClass}>
                    Key
                  </th>
                  <th scope="col" className={headerCellClass}>
                    Created
                  </th>
                  <th scope="col" className={headerCellClass}>
                    Last used
                  </th>
                  <th scope="col" className={headerCellClass}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {keys.data.map((key) => (
                  <tr key={key.id}>
                    <th scope="row" className={cn(cellClass, "max-w-[16rem] truncate font-medium")} title={key.name}>
                      {key.name}
                    </th>
                    <td className={cellClass}>
                      <code className="font-mono text-slate-700 dark:text-slate-300">{key.prefix}…</code>
                    </td>
                    <td className={cellClass}>
                      <RelativeTime value={key.createdAt} />
                    </td>
                    <td className={cellClass}>
                      {key.lastUsedAt ? <RelativeTime value={key.lastUsedAt} /> : <span className="text-slate-600 dark:text-slate-400">Never</span>}
                    </td>
                    <td className={cn(cellClass, "text-right")}>
                      <Button
                        size="sm"
                        aria-label={`Revoke ${key.name}`}
                        onClick={(event) => {
                          rememberOpener(event.currentTarget);
                          setTarget(key);
                        }}
                      >
                        Revoke
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={target !== null}
        onOpenChange={(open) => {
          if (!open && !revoke.isPending) setTarget(null);
        }}
        title="Revoke API key"
        description={target ? `Revoke key ${target.name}? Integrations using it will get 401 at once.` : ""}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        onConfirm={() => target && confirmRevoke(target)}
      />
    </section>
  );
}

function LoadingRows() {
  return (
    <div role="status" className="space-y-3 p-4">
      <span className="sr-only">Loading API keys…</span>
      {[0, 1, 2].map((row) => (
        <div key={row} className="flex items-center gap-4">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-4 flex-1" />
          <Skeleton className="h-8 w-20" />
        </div>
      ))}
    </div>
  );
}
