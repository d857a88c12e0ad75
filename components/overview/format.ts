import { format, parseISO } from "date-fns";

const numberFormat = new Intl.NumberFormat("en-US");

export const formatCount = (value: number) => numberFormat.format(value);

/** `2026-11-28` → `Nov 28` (the date is a UTC day; parsed as a local date it keeps its number). */
export const formatShortDay = (date: string) => format(parseISO(date), "MMM d");

/** `2026-11-28` → `Sat, Nov 28, 2026`. */
export const formatLongDay = (date: string) => format(parseISO(date), "EEE, MMM d, yyyy");
