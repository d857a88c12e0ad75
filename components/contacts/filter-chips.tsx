"use client";
import { X } from "lucide-react";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { NO_FILTERS, type ContactListFilters } from "@/lib/contacts/list-filters";

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const day = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

interface Chip {
  id: string;
  label: string;
  /** What removing the chip changes. */
  clear: Partial<ContactListFilters>;
}

function chipsOf(filters: ContactListFilters, chatbotNames: ReadonlyMap<string, string>): Chip[] {
  const chips: Chip[] = [];
  if (filters.chatbotId) {
    chips.push({ id: "chatbot", label: `Chatbot: ${chatbotNames.get(filters.chatbotId) ?? filters.chatbotId}`, clear: { chatbotId: "" } });
  }
  if (filters.metadataKey) {
    const { metadataKey: key, metadataMatch: match, metadataValue: value } = filters;
    const label = match === "has" ? `${key} is set` : match === "equals" ? `${key} is “${value}”` : `${key} contains “${value}”`;
    chips.push({ id: "metadata", label, clear: { metadataKey: "", metadataMatch: "has", metadataValue: "" } });
  }
  if (filters.createdFrom || filters.createdTo) {
    const { createdFrom: from, createdTo: to } = filters;
    const label = from && to ? (from === to ? `Created ${day(from)}` : `Created ${day(from)} – ${day(to)}`) : from ? `Created from ${day(from)}` : `Created up to ${day(to)}`;
    chips.push({ id: "created", label, clear: { createdFrom: "", createdTo: "" } });
  }
  if (filters.hasEmail) chips.push({ id: "email", label: filters.hasEmail === "yes" ? "Has an email" : "No email", clear: { hasEmail: "" } });
  if (filters.hasPhone) chips.push({ id: "phone", label: filters.hasPhone === "yes" ? "Has a phone" : "No phone", clear: { hasPhone: "" } });
  return chips;
}

/** The filters in force, each removable; "Clear filters" removes them all. */
export function FilterChips({
  filters,
  chatbotNames,
  onChange,
}: {
  filters: ContactListFilters;
  chatbotNames: ReadonlyMap<string, string>;
  onChange: (change: Partial<ContactListFilters>) => void;
}) {
  const chips = chipsOf(filters, chatbotNames);
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ul aria-label="Filters in use" className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li
            key={chip.id}
            className="flex max-w-full items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pr-1 pl-3 text-sm text-indigo-900 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-100"
          >
            <span className="truncate" title={chip.label}>
              {chip.label}
            </span>
            <button
              type="button"
              aria-label={`Remove filter: ${chip.label}`}
              className={cn("rounded-full p-0.5 hover:bg-indigo-100 dark:hover:bg-indigo-900", focusRing)}
              onClick={() => onChange(chip.clear)}
            >
              <X aria-hidden="true" className="size-3.5" />
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 ? (
        <button
          type="button"
          className={cn("rounded px-1 text-sm font-medium text-slate-700 underline-offset-2 hover:underline dark:text-slate-300", focusRing)}
          onClick={() => onChange(NO_FILTERS)}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
