// Text that goes into a database column as it is (names, emails, ids, search terms). PostgreSQL
// text cannot hold U+0000 at all, and a lone surrogate has no UTF-8 form, so either backend would
// store something other than what was given (or fail). Refused alike on both backends.

export const STORABLE_TEXT_MESSAGE = "Must be valid Unicode text without NUL (U+0000) characters";

export function isStorableText(value: string): boolean {
  return value.isWellFormed() && !value.includes("\u0000");
}
