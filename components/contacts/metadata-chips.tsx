import type { MetadataValue } from "@/lib/validation/metadata";

/**
 * A contact's metadata on one line: the first `key: value` chip, then "+N" for the rest; every pair
 * on hover. Rows of the contacts table stay one line high however much metadata a contact has.
 */
export function MetadataChips({ metadata }: { metadata: Record<string, MetadataValue> }) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  const [[key, value], ...rest] = entries;
  return (
    <ul className="flex min-w-0 flex-nowrap items-center gap-1" aria-label="Metadata" title={entries.map(([k, v]) => `${k}: ${String(v)}`).join("\n")}>
      <li className="min-w-0 truncate rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">
        <span className="font-medium">{key}</span>: {String(value)}
      </li>
      {rest.length > 0 ? (
        <li className="shrink-0 rounded-full border border-slate-200 px-1.5 py-0.5 text-xs text-slate-700 dark:border-slate-700 dark:text-slate-300">
          +{rest.length}
          <span className="sr-only"> more: {rest.map(([k, v]) => `${k}: ${String(v)}`).join(", ")}</span>
        </li>
      ) : null}
    </ul>
  );
}
