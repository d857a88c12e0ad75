import fc from "fast-check";
import { hostileString, NUMBER_STRINGS, percentEncode, PROTOTYPE_KEYS, SQL_FRAGMENTS, TRAVERSAL_FRAGMENTS } from "./hostile-strings";

// Paths, query strings and header values.

/**
 * A path segment that names no real contact: traversal, encodings, unicode, SQL. Kept under 8 KB:
 * Node's HTTP parser refuses a longer request line (431) before any of our code runs.
 */
export const hostilePathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRAVERSAL_FRAGMENTS),
  fc.array(fc.constantFrom(...TRAVERSAL_FRAGMENTS, "contact_", "x", "%2F", "/"), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")),
  hostileString.map(percentEncode).filter((segment) => segment.length > 0),
  hostileString.map((s) => percentEncode(percentEncode(s))).filter((segment) => segment.length > 0),
).filter((segment) => segment.length < 8000);

const queryParameterName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("limit", "offset", "chatbotId", "search", "sortBy", "sortOrder") },
  { weight: 3, arbitrary: fc.constantFrom("cursor", "createdFrom", "createdBefore", "hasEmail", "hasPhone", "metadataKey", "metadataMatch", "metadataValue") },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS, "limit[]", "search[0]", "", "LIMIT") },
  { weight: 1, arbitrary: hostileString },
);

const queryParameterValue = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBER_STRINGS, ...SQL_FRAGMENTS, "name", "email", "createdAt", "asc", "desc", "DESC", "phone") },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 1000 }).map(String) },
);

/**
 * A query string: pairs (names may repeat), each part percent-encoded, or sent as it is when it
 * is one of the malformed encodings (`%`, `%zz`, a truncated sequence). Under 8 KB, like paths.
 */
export const hostileQueryString: fc.Arbitrary<string> = fc
  .array(fc.tuple(queryParameterName, queryParameterValue, fc.boolean()), { maxLength: 6 })
  .map((pairs) =>
    pairs
      .map(([name, value, raw]) => {
        const sendRaw = raw && /^[\x21-\x7e]*$/.test(value) && !value.includes("#");
        return `${percentEncode(name)}=${sendRaw ? value : percentEncode(value)}`;
      })
      .join("&"),
  )
  .filter((query) => query.length < 8000);

/** Header values a client can put on the wire (visible ASCII and Latin-1, tabs). */
export const headerValue = fc.oneof(
  fc.string({ unit: fc.constantFrom(...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), "\t"), maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 10 }),
  fc.constantFrom(...SQL_FRAGMENTS.filter((s) => /^[\x20-\x7e]*$/.test(s)), "x".repeat(4000), "../../etc/passwd", "%00", "null", "-1"),
);
