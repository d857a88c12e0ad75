"use client";
import { Tooltip } from "radix-ui";
import type { MetadataValue } from "@/lib/validation/metadata";
import { focusRing } from "@/components/ui/button";

const SHOWN = 2;
/** Entries listed in the hover card before "…and N more" (a contact has at most 50). */
const CARD_MAX = 20;

/**
 * A contact's metadata on one line: the first `key: value` chips, then "+N"; on hover or keyboard
 * focus, a card lists every entry (Escape closes it). Values are rendered as text, never as markup.
 */
export function MetadataChips({ metadata }: { metadata: Record<string, MetadataValue> }) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <Tooltip.Provider delayDuration={300}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <ul
            // Focusable so that keyboard users reach the card too.
            tabIndex={0}
            className={`flex flex-nowrap items-center gap-1 overflow-hidden rounded ${focusRing}`}
            aria-label="Metadata"
          >
            {entries.slice(0, SHOWN).map(([key, value]) => (
              <li
                key={key}
                className="max-w-32 min-w-0 shrink truncate rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200"
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
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            side="bottom"
            align="start"
            sideOffset={4}
            collisionPadding={12}
            className="z-50 max-w-sm rounded-md border border-slate-200 bg-white p-3 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900"
          >
            <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1">
              {entries.slice(0, CARD_MAX).map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="max-w-40 truncate font-mono text-slate-600 dark:text-slate-400">{key}</dt>
                  <dd className="line-clamp-2 break-words text-slate-900 dark:text-slate-100">{String(value)}</dd>
                </div>
              ))}
            </dl>
            {entries.length > CARD_MAX ? (
              <p className="mt-2 text-slate-600 dark:text-slate-400">…and {entries.length - CARD_MAX} more on the contact’s page</p>
            ) : null}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
