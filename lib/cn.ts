import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Joins class names, dropping falsy ones; a later Tailwind class wins over an earlier one of its kind (`h-8` over `h-9`). */
export function cn(...values: ClassValue[]): string {
  return twMerge(clsx(values));
}
