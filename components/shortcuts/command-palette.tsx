"use client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { usePaletteSearch } from "@/lib/hooks/use-palette-search";

// ⌘K / Ctrl+K: a combobox over a listbox of contacts and the dashboard's pages. Focus stays in the
// input; the active option is announced through aria-activedescendant.

const PAGES = [
  { href: "/", label: "Overview" },
  { href: "/contacts", label: "Contacts" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/api-reference", label: "API reference" },
];

interface Option {
  key: string;
  href: string;
  label: string;
  detail: string;
}

export function CommandPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Go to" description="Find a contact by name, email, phone or id, or go to a page.">
      {open ? <PaletteBody onDone={() => onOpenChange(false)} /> : null}
    </Dialog>
  );
}

function PaletteBody({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState("");
  // The active option is remembered by its key, not its place: contacts found after the agent
  // has arrowed to a page go above it, and the highlight must stay on the page they chose.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const search = usePaletteSearch(text);
  const needle = text.trim().toLowerCase();
  const options: Option[] = [
    ...search.contacts.map((c) => ({
      key: c.id,
      href: `/contacts/${encodeURIComponent(c.id)}`,
      label: c.name ?? c.email ?? c.id,
      detail: [c.email, c.phone, c.id].filter(Boolean).join(" · "),
    })),
    ...PAGES.filter((p) => p.label.toLowerCase().includes(needle)).map((p) => ({ key: p.href, href: p.href, label: p.label, detail: "Page" })),
  ];
  const chosenIndex = options.findIndex((option) => option.key === activeKey);
  const current = chosenIndex >= 0 ? chosenIndex : options.length > 0 ? 0 : -1;
  const moveTo = (index: number) => setActiveKey(options[index]?.key ?? null);
  const list = useRef<HTMLUListElement>(null);
  // Arrow keys move past the list's visible part: keep the active option in view.
  useEffect(() => {
    list.current?.children[current]?.scrollIntoView({ block: "nearest" });
  }, [current]);

  function choose(option: Option | undefined) {
    if (!option) return;
    onDone();
    router.push(option.href);
  }

  const status = search.loading ? "Searching…" : search.error ? search.error : `${options.length} results`;
  return (
    <div>
      <Input
        role="combobox"
        aria-label="Search contacts and pages"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? `${id}-${current}` : undefined}
        autoComplete="off"
        placeholder="Name, email, phone or contact_…"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActiveKey(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") moveTo(Math.min(options.length - 1, current + 1));
          else if (event.key === "ArrowUp") moveTo(Math.max(0, current - 1));
          else if (event.key === "Enter") choose(options[current]);
          else return;
          event.preventDefault();
        }}
      />
      <ul ref={list} id={`${id}-list`} role="listbox" aria-label="Results" className="mt-3 max-h-80 overflow-y-auto">
        {options.map((option, index) => (
          <li
            key={option.key}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === current}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
            onMouseMove={() => moveTo(index)}
            className={cn(
              "cursor-pointer rounded-md px-3 py-2 text-sm",
              index === current ? "bg-indigo-600 text-white" : "text-slate-800 dark:text-slate-200",
            )}
          >
            <span className="block font-medium">{option.label}</span>
            <span className={cn("block truncate text-xs", index === current ? "text-indigo-100" : "text-slate-600 dark:text-slate-400")}>{option.detail}</span>
          </li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
