"use client";
import { format, formatDistanceToNow } from "date-fns";

/** "3 days ago", with the exact date and time on hover and for machines. */
export function RelativeTime({ value }: { value: string }) {
  const date = new Date(value);
  return (
    <time dateTime={value} title={format(date, "PPpp")}>
      {formatDistanceToNow(date, { addSuffix: true })}
    </time>
  );
}
