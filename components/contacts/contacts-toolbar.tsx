"use client";
import { Search } from "lucide-react";
import { useState } from "react";
import { useDebouncedCallback } from "use-debounce";
import { Input, Select } from "@/components/ui/input";
import type { ChatbotSummary } from "@/lib/chatbots/queries";

const SEARCH_DEBOUNCE_MS = 250;

/** Search box (debounced) and chatbot filter. The URL is the source of truth for both. */
export function ContactsToolbar({
  search,
  chatbotId,
  chatbots,
  onSearchChange,
  onChatbotChange,
}: {
  search: string;
  chatbotId: string;
  chatbots: ChatbotSummary[];
  onSearchChange: (search: string) => void;
  onChatbotChange: (chatbotId: string) => void;
}) {
  const [text, setText] = useState(search);
  const [lastSearch, setLastSearch] = useState(search);
  const commit = useDebouncedCallback(onSearchChange, SEARCH_DEBOUNCE_MS);
  // Back/forward or "Clear search" changed the URL: show its search in the box.
  if (search !== lastSearch) {
    setLastSearch(search);
    setText(search);
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
            id="contact-search"
            type="search"
            placeholder="Search by name or email"
            className="pl-8"
            autoComplete="off"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              commit(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") commit.flush();
            }}
          />
        </div>
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
    </div>
  );
}
