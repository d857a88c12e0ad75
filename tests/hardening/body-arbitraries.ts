import fc from "fast-check";
import { hostileString, NUMBER_STRINGS, PROTOTYPE_KEYS, SQL_FRAGMENTS, UNICODE_EDGES } from "./hostile-strings";

// Request bodies, built as JSON *text* (and then bytes), not as objects, so that they can hold what
// JSON.stringify never writes: duplicate keys, raw number tokens, nesting deeper than the JS stack,
// lone surrogates as raw bytes, other encodings.

const FIELD_NAMES = ["chatbotId", "name", "email", "phone", "metadata"];
const READ_ONLY_NAMES = ["id", "createdAt", "updatedAt", "conversations", "workspaceId", "workspace_id"];

/** A JSON number token as a client might write it, including ones JavaScript cannot hold exactly. */
const numberToken = fc.oneof(
  fc.double().map((n) => (Number.isFinite(n) ? JSON.stringify(n) : "1e400")),
  fc.integer().map(String),
  fc.constantFrom("-0", "1e400", "-1e400", "1E-400", "123456789012345678901234567890", "0.1e1", "5e-324"),
);

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` deep, as text (JSON.stringify would overflow the stack first). */
export function deepJson(depth: number, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

const deepValue = fc
  .tuple(fc.constantFrom(2, 64, 1000, 10_000, 100_000), fc.constantFrom("array" as const, "object" as const))
  .map(([depth, kind]) => deepJson(depth, kind));

const scalarJson = fc.oneof(
  { weight: 4, arbitrary: hostileString.map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: numberToken },
  { weight: 1, arbitrary: fc.constantFrom("true", "false", "null", '""') },
);

/** Object text with these entries, written as given: duplicate keys stay duplicated. */
function objectText(entries: ReadonlyArray<readonly [string, string]>): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(",")}}`;
}

const metadataKey = fc.oneof(fc.constantFrom("plan", "source", ...PROTOTYPE_KEYS, "", "k".repeat(65)), hostileString);

const anyJsonValue: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalarJson,
    deepValue,
    fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
    fc.array(fc.tuple(metadataKey, tie("value")), { maxLength: 4 }).map(objectText),
  ),
})).value;

const metadataText = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.tuple(metadataKey, fc.oneof(scalarJson, anyJsonValue)), { maxLength: 8 }).map(objectText) },
  { weight: 1, arbitrary: fc.integer({ min: 51, max: 120 }).map((count) => objectText(Array.from({ length: count }, (_, i) => [`k${i}`, "1"]))) },
  { weight: 1, arbitrary: anyJsonValue },
);

export interface BodyContext {
  /** Chatbots a generated chatbotId may name: the caller's own, another workspace's. */
  chatbotIds: string[];
}

/** Field name → value text, with the contract's fields most of the time and everything else too. */
function bodyEntry(context: BodyContext): fc.Arbitrary<readonly [string, string]> {
  const chatbotId = fc.oneof(fc.constantFrom(...context.chatbotIds.map((id) => JSON.stringify(id))), anyJsonValue);
  return fc.oneof(
    { weight: 2, arbitrary: fc.tuple(fc.constant("chatbotId"), chatbotId) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom("name", "email", "phone"), fc.oneof({ weight: 3, arbitrary: scalarJson }, { weight: 1, arbitrary: anyJsonValue })) },
    { weight: 2, arbitrary: fc.tuple(fc.constant("metadata"), metadataText) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, ...READ_ONLY_NAMES, ...FIELD_NAMES.map((f) => f.toUpperCase())), anyJsonValue) },
    { weight: 1, arbitrary: fc.tuple(hostileString, scalarJson) },
  );
}

const oddButLegalText = fc.constantFrom(
  ...SQL_FRAGMENTS,
  ...PROTOTYPE_KEYS,
  ...NUMBER_STRINGS.filter((n) => n.trim() !== ""),
  ...UNICODE_EDGES.filter((edge) => edge.isWellFormed() && !edge.includes("\u0000") && edge.trim() !== ""),
);

/** Text a name or metadata key may be: graphemes from all of Unicode, SQL, prototype names, bidi overrides. */
const legalText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).filter((text) => text.trim() !== "") },
  { weight: 2, arbitrary: oddButLegalText },
);

/** Metadata values are stored as JSON, so NUL and lone surrogates are legal there and must come back as sent. */
const metadataValue = fc.oneof(
  legalText,
  hostileString.filter((text) => text.length <= 1000),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
);

/** Addresses of the everyday kind; fc.emailAddress() also writes RFC 5322 ones the API refuses (`a!b@[1.2.3.4]`). */
const plainEmail = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9+_-]{0,15}[A-Za-z0-9])?$/), fc.constantFrom("example.com", "EXAMPLE.org", "mail.example.co.uk", "xn--bcher-kva.example"))
  .map(([local, domain]) => `${local}@${domain}`);

/**
 * A body that is valid most of the time, with odd but legal content: accepted writes must store
 * exactly what they answer. A create names one of the given chatbots (another workspace's one is
 * refused); an update may remove metadata keys with null.
 */
export function plausibleBodyText(context: BodyContext, kind: "create" | "update"): fc.Arbitrary<string> {
  const fields = {
    name: fc.oneof({ weight: 4, arbitrary: legalText }, { weight: 1, arbitrary: fc.constant(null) }),
    email: fc.oneof({ weight: 4, arbitrary: plainEmail }, { weight: 1, arbitrary: fc.emailAddress() }, { weight: 1, arbitrary: fc.constant(null) }),
    phone: fc.constantFrom("+15551234567", "(555) 123-4567", "555.123.4567 ", "+44 20 7946 0958", null),
    metadata: fc.dictionary(
      fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), legalText),
      kind === "update" ? fc.oneof({ weight: 4, arbitrary: metadataValue }, { weight: 1, arbitrary: fc.constant(null) }) : metadataValue,
      { maxKeys: 8 },
    ),
  };
  const body =
    kind === "create"
      ? fc.record({ chatbotId: fc.constantFrom(...context.chatbotIds), ...fields }, { requiredKeys: ["chatbotId"] })
      : fc.record(fields, { requiredKeys: [] });
  return body.map((value) => JSON.stringify(value));
}

/** The text of a request body: mostly an object of contact fields, sometimes anything at all. */
export function bodyText(context: BodyContext): fc.Arbitrary<string> {
  const objectBody = fc.array(bodyEntry(context), { maxLength: 7 }).map(objectText);
  return fc.oneof(
    { weight: 8, arbitrary: objectBody },
    { weight: 1, arbitrary: anyJsonValue },
    {
      weight: 1,
      arbitrary: fc.oneof(
        objectBody.map((text) => text.slice(0, -1)),
        objectBody.map((text) => text.replace(/}$/, ",}")),
        objectBody.map((text) => `/* comment */${text}`),
        objectBody.map((text) => text.replaceAll('"', "'")),
        fc.constantFrom("", " ", "NaN", "undefined", "{", "}", "{}{}", '{"name":"a"} trailing', "\u0000"),
      ),
    },
  );
}

const INVALID_UTF8 = [
  [0xed, 0xa0, 0x80], // a lone high surrogate, encoded as if it were a character
  [0xed, 0xbf, 0xbf], // a lone low surrogate
  [0xed, 0xa0, 0xbd, 0xed, 0xb2, 0xa9], // CESU-8: a surrogate pair as two 3-byte sequences
  [0xc0, 0xaf], // an overlong "/"
  [0xe0, 0x80, 0xaf], // an overlong "/" again
  [0xf8, 0x88, 0x80, 0x80, 0x80], // a 5-byte sequence
  [0xff],
  [0xe2, 0x82], // a truncated "€"
  [0x00],
].map((bytes) => Buffer.from(bytes));

export type BodyEncoding = "utf8" | "utf8-bom" | "utf16le" | "latin1" | "invalid-utf8";

/** The text as bytes; "invalid-utf8" slips an invalid sequence into the first string it finds. */
export function encodeBody(text: string, encoding: BodyEncoding, invalidIndex = 0): Buffer {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "latin1":
      return Buffer.from(text, "latin1");
    case "invalid-utf8": {
      const bytes = Buffer.from(text, "utf8");
      const quote = bytes.indexOf(0x22);
      const at = quote >= 0 ? quote + 1 : bytes.length;
      return Buffer.concat([bytes.subarray(0, at), INVALID_UTF8[invalidIndex % INVALID_UTF8.length], bytes.subarray(at)]);
    }
  }
}

export const bodyEncoding = fc.oneof(
  { weight: 6, arbitrary: fc.constant<BodyEncoding>("utf8") },
  { weight: 1, arbitrary: fc.constantFrom<BodyEncoding>("utf8-bom", "utf16le", "latin1") },
  { weight: 2, arbitrary: fc.constant<BodyEncoding>("invalid-utf8") },
);

export const invalidUtf8Index = fc.nat({ max: INVALID_UTF8.length - 1 });

/** Content-Type values: the right one most of the time, and the odd ones clients send. */
export const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant("application/json") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "Application/JSON; charset=UTF-8",
      "application/json;charset=latin1",
      "application/json; charset=utf-16",
      'application/json; charset="utf-8"',
      "application/json ; foo=bar",
      "application/json, text/plain",
      "application/jsonx",
      "application/vnd.api+json",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "text/plain",
      "text/json",
      "*/*",
      "",
      ";",
      "application/json; charset=utf-8; charset=utf-16",
      `application/json; ${"x".repeat(4000)}`,
    ),
  },
);
