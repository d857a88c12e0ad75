import { useId } from "react";
import { Card } from "@/components/ui/states";
import { formatCount } from "./format";

export function StatCard({ title, value, hint }: { title: string; value: number; hint: string }) {
  const titleId = useId();
  return (
    <Card>
      <div role="group" aria-labelledby={titleId}>
        <h2 id={titleId} className="text-sm font-medium text-slate-600 dark:text-slate-400">
          {title}
        </h2>
        <p className="mt-2 text-3xl font-semibold tabular-nums">{formatCount(value)}</p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{hint}</p>
      </div>
    </Card>
  );
}
