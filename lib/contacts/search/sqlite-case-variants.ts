/**
 * SQLite's LIKE folds ASCII letters only, so a term too short for the trigram index is also tried
 * with each non-ASCII letter in its other case: `ån` then finds `Ångström` as `ång` does.
 */
export function sqliteCaseVariants(term: string): string[] {
  let variants = [""];
  for (const char of term) {
    const forms =
      (char.codePointAt(0) ?? 0) < 0x80
        ? [char]
        : [...new Set([char, char.toLowerCase(), char.toUpperCase()])].filter((form) => [...form].length === 1);
    variants = variants.flatMap((prefix) => forms.map((form) => prefix + form));
  }
  return variants;
}
