"use client";
import { Search, X } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import { useDebouncedCallback } from "use-debounce";
import { focusRing } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { SEARCH_MAX_LENGTH } from "@/lib/contacts/schemas";
import type { ChatbotSummary } from "@/lib/chatbots/queries";

/** Long enough to let a typed word finish, short enough that results follow the last key within 200 ms. */
const SEARCH_DEBOUNCE_MS = 75;

/** Search box (debounced), chatbot filter and the row's other actions. The URL is the source of truth for both. */
export function ContactsToolbar({
  search,
  chatbotId,
  chatbots,
  onSearchChange,
  onChatbotChange,
  actions,
}: {
  search: string;
  chatbotId: string;
  chatbots: ChatbotSummary[];
  onSearchChange: (search: string) => void;
  onChatbotChange: (chatbotId: string) => void;
  /** Buttons at the end of the row (filters, views). */
  actions?: ReactNode;
}) {
  const [text, setText] = useState(search);
  const [lastSearch, setLastSearch] = useState(search);
  // Searches the box sent that the URL may not show yet.
  const [sent, setSent] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const commit = useDebouncedCallback((value: string) => {
    setSent((values) => [...values, value]);
    onSearchChange(value);
  }, SEARCH_DEBOUNCE_MS);
  // Back/forward or "Clear search" changed the URL: show its search in the box. The box's own
  // search arriving in the URL changes nothing: the agent may have typed on since it was sent.
  if (search !== lastSearch) {
    setLastSearch(search);
    const own = sent.lastIndexOf(search);
    setSent(own === -1 ? [] : sent.slice(own + 1));
    if (own === -1) setText(search);
  }

  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1">
        <label htmlFor="contact-search" className="sr-only">
          Search contacts
        </label>
        <div className="relative">
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-500" />
          <Input
            ref={input}
            id="contact-search"
            type="search"
            placeholder="Search by name or email"
            // Our own clear button replaces the browser's, and the right padding keeps text clear of it.
            className="pr-9 pl-8 [&::-webkit-search-cancel-button]:appearance-none"
            autoComplete="off"
            maxLength={SEARCH_MAX_LENGTH}
            aria-describedby={text.length >= SEARCH_MAX_LENGTH ? "contact-search-limit" : undefined}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              commit(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") commit.flush();
            }}
          />
          {text ? (
            <button
              type="button"
              aria-label="Clear the search box"
              className={cn("absolute top-1/2 right-1.5 -translate-y-1/2 rounded p-1 text-slate-500 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white", focusRing)}
              onClick={() => {
                setText("");
                commit("");
                commit.flush();
                input.current?.focus();
              }}
            >
              <X aria-hidden="true" className="size-4" />
            </button>
          ) : null}
        </div>
        {text.length >= SEARCH_MAX_LENGTH ? (
          <p id="contact-search-limit" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Searches stop at {SEARCH_MAX_LENGTH} characters.
          </p>
        ) : null}
      </div>
      <div className="w-56">
        <label htmlFor="contact-chatbot" className="sr-only">
          Chatbot
        </label>
        <Select id="contact-chatbot" value={chatbotId} onChange={(event) => onChatbotChange(event.target.value)}>
          <option value="">All chatbots</option>
          {chatbots.map((chatbot) => (
            <option key={chatbot.id} value={chatbot.id}>
              {chatbot.name}
            </option>
          ))}
        </Select>
      </div>
      {actions}
    </div>
  );
}
