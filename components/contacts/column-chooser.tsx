"use client";
import { Columns3, Plus, X } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button, focusRing } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PopoverPanel } from "@/components/ui/popover-panel";
import { cn } from "@/lib/cn";
import {
  METADATA_COLUMNS_MAX,
  metadataColumnKeySchema,
  OPTIONAL_CONTACT_COLUMNS,
  type ContactColumns,
  type OptionalContactColumn,
} from "@/lib/staff-preferences/schemas";

const LABELS: Record<OptionalContactColumn, string> = {
  email: "Email",
  phone: "Phone",
  chatbotId: "Chatbot",
  metadata: "Metadata",
  createdAt: "Created",
};

/** "Columns": show or hide the table's columns and add metadata keys as columns of their own. */
export function ColumnChooser({ columns, onChange }: { columns: ContactColumns; onChange: (columns: ContactColumns) => void }) {
  const [key, setKey] = useState("");
  const [keyError, setKeyError] = useState<string | null>(null);
  const hidden = new Set(columns.hidden);

  function toggle(column: OptionalContactColumn, shown: boolean) {
    const next = OPTIONAL_CONTACT_COLUMNS.filter((c) => (c === column ? !shown : hidden.has(c)));
    onChange({ ...columns, hidden: next });
  }

  function addKey(event: FormEvent) {
    event.preventDefault();
    const parsed = metadataColumnKeySchema.safeParse(key);
    if (!parsed.success) return setKeyError(parsed.error.issues[0].message);
    if (columns.metadataKeys.includes(parsed.data)) return setKeyError("That key has a column already");
    if (columns.metadataKeys.length >= METADATA_COLUMNS_MAX) return setKeyError(`At most ${METADATA_COLUMNS_MAX} metadata columns`);
    setKeyError(null);
    setKey("");
    onChange({ ...columns, metadataKeys: [...columns.metadataKeys, parsed.data] });
  }

  return (
    <PopoverPanel
      label="Choose columns"
      className="w-72 text-sm"
      trigger={
        <Button>
          <Columns3 aria-hidden="true" className="size-4" />
          Columns
        </Button>
      }
    >
      <fieldset>
        <legend className="font-semibold">Show columns</legend>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Name always shows. Remembered for you on any device.</p>
        <ul className="mt-2 space-y-1.5">
          {OPTIONAL_CONTACT_COLUMNS.map((column) => (
            <li key={column}>
              <label className="flex items-center gap-2">
                <input type="checkbox" className="size-4 accent-indigo-600" checked={!hidden.has(column)} onChange={(event) => toggle(column, event.target.checked)} />
                {LABELS[column]}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-700">
        <p className="font-semibold" id="metadata-columns-label">
          Metadata as columns
        </p>
        {columns.metadataKeys.length ? (
          <ul aria-labelledby="metadata-columns-label" className="mt-2 flex flex-wrap gap-1.5">
            {columns.metadataKeys.map((metadataKey) => (
              <li key={metadataKey} className="flex max-w-full items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 font-mono text-xs dark:bg-slate-800">
                <span className="truncate">{metadataKey}</span>
                <button
                  type="button"
                  aria-label={`Remove the ${metadataKey} column`}
                  className={cn("rounded-full p-0.5 hover:bg-slate-200 dark:hover:bg-slate-700", focusRing)}
                  onClick={() => onChange({ ...columns, metadataKeys: columns.metadataKeys.filter((k) => k !== metadataKey) })}
                >
                  <X aria-hidden="true" className="size-3" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <form onSubmit={addKey} noValidate className="mt-2 flex items-start gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="metadata-column-key" className="sr-only">
              Metadata key to show as a column
            </label>
            <Input
              id="metadata-column-key"
              placeholder="plan"
              autoComplete="off"
              className="h-8 font-mono"
              value={key}
              aria-invalid={keyError !== null}
              aria-describedby={keyError ? "metadata-column-key-error" : undefined}
              onChange={(event) => setKey(event.target.value)}
            />
            {keyError ? (
              <p id="metadata-column-key-error" className="mt-1 text-xs text-red-700 dark:text-red-400">
                {keyError}
              </p>
            ) : null}
          </div>
          <Button type="submit" size="sm">
            <Plus aria-hidden="true" className="size-4" />
            Add column
          </Button>
        </form>
      </div>
    </PopoverPanel>
  );
}
