import type { MetadataValue } from "@/lib/validation/metadata";

const SHOWN = 3;

/** A contact's metadata as compact `key: value` chips; the rest as "+N more". */
export function MetadataChips({ metadata }: { metadata: Record<string, MetadataValue> }) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Metadata">
      {entries.slice(0, SHOWN).map(([key, value]) => (
        <li
          key={key}
          className="max-w-48 truncate rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200"
          title={`${key}: ${String(value)}`}
        >
          <span className="font-medium">{key}</span>: {String(value)}
        </li>
      ))}
      {entries.length > SHOWN ? (
        <li className="px-1 text-xs text-slate-600 dark:text-slate-400">+{entries.length - SHOWN} more</li>
      ) : null}
    </ul>
  );
}
