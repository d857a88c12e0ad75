/** A table row whose contact link has keyboard focus (j / k) is tinted as well as ringed. */
export const KEYBOARD_HIGHLIGHT = "has-[a:focus-visible]:bg-indigo-50 dark:has-[a:focus-visible]:bg-indigo-950/60";
