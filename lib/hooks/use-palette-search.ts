"use client";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { dataOf, v1 } from "@/lib/http/v1-client";
import type { Contact } from "@/lib/contacts/schemas";

// The command palette's contact lookup: by id (contact_…), by phone digits (staff route) or by
// name/email (the public search), debounced, each new query aborting the one in flight.

const DEBOUNCE_MS = 200;
const LIMIT = 8;

export interface PaletteContact {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
}

async function lookUp(query: string, signal: AbortSignal): Promise<PaletteContact[]> {
  if (/^contact_\S+$/.test(query)) {
    const found = await dataOf(v1.GET("/v1/contacts/{contactId}", { params: { path: { contactId: query } }, signal })).catch(() => null);
    return found ? [found.contact] : [];
  }
  const digits = query.replace(/[\s()+.-]/g, "");
  if (/^[0-9]{3,15}$/.test(digits)) {
    return (await apiFetch<{ contacts: Contact[] }>(`/api/workspace/contacts/by-phone?digits=${digits}`, { signal })).contacts;
  }
  return (await dataOf(v1.GET("/v1/contacts", { params: { query: { search: query, limit: LIMIT } }, signal }))).contacts;
}

export function usePaletteSearch(text: string): { contacts: PaletteContact[]; loading: boolean; error: string | null } {
  const [state, setState] = useState<{ query: string; contacts: PaletteContact[]; error: string | null }>({ query: "", contacts: [], error: null });
  const query = text.trim();
  useEffect(() => {
    if (query === "") return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      lookUp(query, controller.signal).then(
        (contacts) => setState({ query, contacts, error: null }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ query, contacts: [], error: error instanceof Error ? error.message : "Search failed" });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  if (query === "") return { contacts: [], loading: false, error: null };
  return { contacts: state.query === query ? state.contacts : [], loading: state.query !== query, error: state.query === query ? state.error : null };
}
