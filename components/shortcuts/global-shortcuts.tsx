"use client";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useKeyboardShortcuts } from "@/lib/hooks/use-keyboard-shortcuts";
import { moveContactHighlight } from "@/lib/hooks/use-row-highlight";
import { CommandPalette } from "./command-palette";
import { ShortcutsOverlay } from "./shortcuts-overlay";

// The dashboard's shortcuts, mounted once in the app shell.

const CONTACT_PAGE = /^\/contacts\/[^/]+$/;

export function GlobalShortcuts() {
  const pathname = usePathname();
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  useKeyboardShortcuts({
    "mod+k": () => setPalette(true),
    "?": () => setHelp(true),
    "/": () => document.getElementById("contact-search")?.focus(),
    j: () => moveContactHighlight(1),
    k: () => moveContactHighlight(-1),
    // Clicking the page's own "← Contacts" link keeps the remembered list view and lets the
    // unsaved-changes warning ask first, exactly as a click would.
    Escape: () => {
      if (CONTACT_PAGE.test(pathname)) document.querySelector<HTMLAnchorElement>("[data-back-to-contacts]")?.click();
    },
  });
  return (
    <>
      <CommandPalette open={palette} onOpenChange={setPalette} />
      <ShortcutsOverlay open={help} onOpenChange={setHelp} />
    </>
  );
}
