"use client";
import { format, formatDistanceToNowStrict } from "date-fns";

/** "3 days ago", with the exact local date and time on hover and for assistive technology. */
export function RelativeTime({ value, className }: { value: string; className?: string }) {
  const date = new Date(value);
  const absolute = format(date, "PPpp");
  return (
    <time dateTime={value} title={absolute} className={className} suppressHydrationWarning>
      {formatDistanceToNowStrict(date, { addSuffix: true })}
    </time>
  );
}

export function formatAbsolute(value: string): string {
  return format(new Date(value), "PPpp");
}
