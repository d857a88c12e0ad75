import fc from "fast-check";

// Strings from the corners clients (and attackers) reach: SQL, traversal, prototype names,
// unicode edge cases (lone surrogates, NUL, joiners, bidi overrides), numbers as strings.

export const SQL_FRAGMENTS = [
  "' OR '1'='1",
  "'; DROP TABLE contacts; --",
  '" OR 1=1 --',
  "1; select pg_sleep(5)",
  "name; --",
  "createdAt desc, (select 1)",
  "%' AND 1=1 AND '%'='",
  "' UNION SELECT key_hash FROM api_keys --",
  "NEAR(a b)",
  '"a" OR "b"',
  "contacts_search",
  "randomblob(1000000000)",
  "\\",
  "%",
  "_",
  "*",
  '"',
  "'",
];

export const TRAVERSAL_FRAGMENTS = [
  "..",
  "../",
  "../../etc/passwd",
  "..%2f",
  "%2e%2e%2f",
  "%2e%2e/",
  "..%5c",
  "%2F",
  "%252e%252e%252f",
  "....//",
  "..;/",
  "%c0%ae%c0%ae/",
  "..\\..\\windows",
  "%00",
  "%",
  "%zz",
  "%E0%A4%A",
  "?",
  "#",
  ";",
];

export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "isPrototypeOf"];

export const UNICODE_EDGES = [
  "\u0000",
  "\ud800",
  "\udfff",
  "\udc00\ud800",
  "\ufeff",
  "\u200b",
  "\u202e",
  "\u0301",
  "e\u0301",
  "\u{1d54f}",
  "\u{1f469}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}",
  "\uffff",
  "\ufffe",
  "\u2028\u2029",
  "\u01c5",
  "\u0130",
  "\u00df",
  "\r\n",
  "\t",
  "\u00a0",
  "\u{10ffff}",
  "\u001b[31m",
];

export const NUMBER_STRINGS = ["0", "-0", "1e309", "NaN", "Infinity", "-1", "00012", "0x1F", "1.5", " 5", "9007199254740993", "1_000", "+3"];

const fragments = fc.constantFrom(...SQL_FRAGMENTS, ...TRAVERSAL_FRAGMENTS, ...PROTOTYPE_KEYS, ...UNICODE_EDGES, ...NUMBER_STRINGS);

/** Strings from every corner: random code units (lone surrogates included), graphemes, known-bad fragments and long runs. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
  fragments,
  fc.array(fc.oneof(fragments, fc.string({ unit: "grapheme-ascii", maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join("")),
  fc
    .tuple(fc.constantFrom("a", "\u00e9", "\u{1f469}\u200d\u{1f469}\u200d\u{1f467}", "\u0000", "\ud800", "'", " "), fc.constantFrom(65, 201, 255, 1001, 20_000))
    .map(([unit, count]) => unit.repeat(count)),
);

/**
 * Percent-encodes like encodeURIComponent, except that a lone surrogate (which that throws on)
 * goes out as the three bytes a careless UTF-8 encoder would write for it.
 */
export function percentEncode(text: string): string {
  let encoded = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      encoded += bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join("");
    } else {
      encoded += encodeURIComponent(char);
    }
  }
  return encoded;
}
