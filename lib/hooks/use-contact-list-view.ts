"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo } from "react";
import { listViewQuery, parseListView, type ContactListView } from "@/lib/contacts/list-view";
import { rememberContactListView } from "./use-contacts-list-href";

/**
 * The contacts table's view, read from and written to the URL: shareable links, back/forward and
 * reload all show the same view. Changing anything but the page goes back to page 1.
 */
export function useContactListView() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => parseListView(new URLSearchParams(searchParams.toString())), [searchParams]);
  useEffect(() => rememberContactListView(view), [view]);

  const update = useCallback(
    (change: Partial<ContactListView>, { replace = false }: { replace?: boolean } = {}): ContactListView => {
      const next = { ...view, ...change };
      if (!("page" in change)) next.page = 1;
      const href = `${pathname}${listViewQuery(next)}`;
      // The History API, not router.push: Next keeps useSearchParams in sync without asking the
      // server to render the page again, so the table reacts at the speed of the API call.
      if (replace) window.history.replaceState(null, "", href);
      else window.history.pushState(null, "", href);
      return next;
    },
    [view, pathname],
  );

  return { view, update };
}
