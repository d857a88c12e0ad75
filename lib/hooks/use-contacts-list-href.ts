"use client";
import { useSyncExternalStore } from "react";
import { listViewQuery, parseListView, type ContactListView } from "@/lib/contacts/list-view";

// The contacts list's view (search, chatbot, sort, page) the agent last looked at in this tab, so
// "← Contacts" and the redirect after a delete go back to it rather than to the default list.

const STORAGE_KEY = "nexvio.contacts.listView";
const PLAIN_LIST = "/contacts";

export function rememberContactListView(view: ContactListView): void {
  sessionStorage.setItem(STORAGE_KEY, listViewQuery(view));
}

/** Read back through the parser, so only a valid view's query ever reaches a link. */
function lastListHref(): string {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  return stored === null ? PLAIN_LIST : `${PLAIN_LIST}${listViewQuery(parseListView(new URLSearchParams(stored)))}`;
}

const noChanges = () => () => {};

/** `/contacts?…` for the last list view of this tab; plain `/contacts` on the server and in a fresh tab. */
export function useContactsListHref(): string {
  return useSyncExternalStore(noChanges, lastListHref, () => PLAIN_LIST);
}
