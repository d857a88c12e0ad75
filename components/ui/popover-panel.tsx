"use client";
import { Popover } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A button that opens a panel below it (Radix Popover: focus moves in, Escape and a click outside
 * close it, the panel stays on screen). `trigger` is the button; the panel is named by `label`.
 */
export function PopoverPanel({
  trigger,
  label,
  className,
  open,
  onOpenChange,
  children,
}: {
  trigger: ReactNode;
  label: string;
  className?: string;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={12}
          aria-label={label}
          className={cn("z-40 rounded-lg border border-slate-200 bg-white p-4 shadow-xl dark:border-slate-700 dark:bg-slate-900", className)}
        >
          {children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
