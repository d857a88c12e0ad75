"use client";
import { useEffect, useRef } from "react";

// Single-key shortcuts for the dashboard. A key of the form "mod+k" means ⌘K on a Mac and Ctrl+K
// elsewhere (both are accepted). Plain keys are ignored while typing, inside an open dialog, and
// when the event was already handled (so Esc in a form field or a dialog keeps its meaning).

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable='true']") !== null;
}

function keyOf(event: KeyboardEvent): string | null {
  if (event.altKey) return null;
  if (event.metaKey || event.ctrlKey) return `mod+${event.key.toLowerCase()}`;
  return event.key;
}

export function useKeyboardShortcuts(shortcuts: ShortcutMap): void {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const key = keyOf(event);
      const handler = key === null ? undefined : current.current[key];
      if (!handler) return;
      const plain = !key!.startsWith("mod+");
      if (plain && (isTyping(event.target) || document.querySelector("[role='dialog'], [role='alertdialog']"))) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
