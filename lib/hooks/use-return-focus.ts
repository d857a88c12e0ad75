"use client";
import { useEffect, useRef, type RefObject } from "react";

/**
 * Our dialogs open from buttons that are not Radix triggers, so Radix has nothing to give focus back
 * to when they close. This puts focus back on the button that opened the dialog, or on `fallback`
 * when that button is gone (its row was revoked), so keyboard users keep their place.
 */
export function useReturnFocus(open: boolean, fallback?: RefObject<HTMLElement | null>) {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) {
      const target = opener.current?.isConnected ? opener.current : fallback?.current;
      target?.focus();
    }
    wasOpen.current = open;
  }, [open, fallback]);
  return (element: HTMLElement) => {
    opener.current = element;
  };
}
