import { z } from "zod";

// Contact metadata: a flat object of string, number or boolean values. Validated by hand instead of
// z.record() because a record assigns keys onto a plain object, where `__proto__` would change the
// object's prototype instead of being stored; the result here has no prototype at all.

export const METADATA_MAX_KEYS = 50;
export const METADATA_KEY_MAX_LENGTH = 64;
export const METADATA_STRING_MAX_LENGTH = 1000;

export type MetadataValue = string | number | boolean;
export type Metadata = Record<string, MetadataValue>;
export type MetadataPatch = Record<string, MetadataValue | null>;

export const METADATA_VALUE_MESSAGE = `Must be a string (at most ${METADATA_STRING_MAX_LENGTH.toLocaleString("en-US")} characters), a number or a boolean`;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Not Object.create(null): on Node 24 (V8 13), objects made that way in the request path often
// outlived young-generation collections along with what they point to (a loop of zod parses of a
// transform making one: 4 runs in 5 promoted 5 MB a collection instead of nothing, 7 ms instead of
// 0.1 ms a collection); made with setPrototypeOf, in no run. The same object: no prototype.
export function emptyMetadata<T>(): Record<string, T> {
  return Object.setPrototypeOf({}, null) as Record<string, T>;
}

function metadataValueError(value: unknown, allowNull: boolean): string | null {
  if (value === null) return allowNull ? null : METADATA_VALUE_MESSAGE;
  if (typeof value === "boolean") return null;
  if (typeof value === "number") return Number.isFinite(value) ? null : METADATA_VALUE_MESSAGE;
  if (typeof value === "string") return value.length <= METADATA_STRING_MAX_LENGTH ? null : METADATA_VALUE_MESSAGE;
  return METADATA_VALUE_MESSAGE + (allowNull ? " (or null to remove the key)" : "");
}

export function metadataKeyError(key: string): string | null {
  if (key.length === 0) return "Metadata keys must not be empty";
  if (key.length > METADATA_KEY_MAX_LENGTH) return `Metadata keys must be at most ${METADATA_KEY_MAX_LENGTH} characters`;
  return null;
}

function buildMetadataSchema<T>(allowNull: boolean) {
  const valueTypes = [{ type: "string" as const, maxLength: METADATA_STRING_MAX_LENGTH }, { type: "number" as const }, { type: "boolean" as const }];
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (!isPlainObject(value)) {
        ctx.addIssue({ code: "custom", message: "Must be an object of key-value pairs" });
        return;
      }
      const keys = Object.keys(value);
      if (!allowNull && keys.length > METADATA_MAX_KEYS) {
        ctx.addIssue({ code: "custom", message: `Must have at most ${METADATA_MAX_KEYS} keys` });
      }
      for (const key of keys) {
        const message = metadataKeyError(key) ?? metadataValueError(value[key], allowNull);
        if (message) ctx.addIssue({ code: "custom", path: [key], message });
      }
    })
    .transform((value) => Object.assign(emptyMetadata<T>(), value as Record<string, T>))
    .meta({
      override: {
        type: "object",
        maxProperties: METADATA_MAX_KEYS,
        propertyNames: { minLength: 1, maxLength: METADATA_KEY_MAX_LENGTH },
        additionalProperties: { anyOf: allowNull ? [...valueTypes, { type: "null" as const }] : valueTypes },
      },
    });
}

/** Metadata as given on create: every value set. */
export const metadataSchema = buildMetadataSchema<MetadataValue>(false).meta({
  description: `Custom fields: at most ${METADATA_MAX_KEYS} keys of 1–${METADATA_KEY_MAX_LENGTH} characters; values are strings, numbers or booleans.`,
});

/** Metadata as given on update: merged key by key into the stored object; `null` removes a key. */
export const metadataPatchSchema = buildMetadataSchema<MetadataValue | null>(true).meta({
  description: "Keys to merge into the stored metadata. A key set to null is removed; keys not named are kept.",
});

/** Merges a PATCH into stored metadata; the caller checks the key limit on the result. */
export function mergeMetadata(stored: Metadata, patch: MetadataPatch): Metadata {
  const merged = Object.assign(emptyMetadata<MetadataValue>(), stored);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
