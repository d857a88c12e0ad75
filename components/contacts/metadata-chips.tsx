import type { MetadataValue } from "@/lib/validation/metadata";

const SHOWN = 2;

/** A contact's metadata on one line: the first `key: value` chips, then "+N" with every entry on hover. */
export function MetadataChips({ metadata }: { metadata: Record<string, MetadataValue> }) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <ul className="flex flex-nowrap items-center gap-1 overflow-hidden" aria-label="Metadata" title={entries.map(([key, value]) => `${key}: ${String(value)}`).join("\n")}>
      {entries.slice(0, SHOWN).map(([key, value]) => (
        <li
          key={key}
          className="max-w-32 min-w-0 shrink truncate rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200"
          title={`${key}: ${String(value)}`}
        >
          <span className="font-medium">{key}</span>: {String(value)}
        </li>
      ))}
      {entries.length > SHOWN ? (
        <li className="shrink-0 px-1 text-xs text-slate-600 dark:text-slate-400">
          +{entries.length - SHOWN}
          <span className="sr-only"> more</span>
        </li>
      ) : null}
    </ul>
  );
}
