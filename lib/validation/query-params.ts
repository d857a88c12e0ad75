import { z } from "zod";
import { storedTimestamp, TIMESTAMP_RANGE_MESSAGE } from "./timestamp";

/** The largest integer a query parameter may spell: 15 decimal digits. */
const LARGEST_PARAM = 999_999_999_999_999;

const INT32_MAX = 2_147_483_647;

/** A count in an answer (a total, a limit, an offset): a non-negative integer (a JavaScript safe integer, so int64). */
export const countSchema = z.number().int().min(0).meta({ format: "int64" });

function integerDigits(min: number, max: number | null) {
  const message = max === null ? `Must be an integer of at least ${min}` : `Must be an integer between ${min} and ${max}`;
  const bounded = z.number().int().min(min, message).max(max ?? LARGEST_PARAM, message);
  return z.string().regex(/^\d{1,15}$/, message).transform(Number).pipe(bounded).optional();
}

function documentedInteger<S extends z.ZodType>(schema: S, min: number, max: number | null, fallback: number): S {
  return schema.meta({
    // Documented as the integer it is, not as the digit string it arrives as.
    override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
      delete jsonSchema.pattern;
      const maximum = max ?? LARGEST_PARAM;
      Object.assign(jsonSchema, { type: "integer", format: maximum > INT32_MAX ? "int64" : "int32", minimum: min, maximum, default: fallback });
    },
  });
}

/** An integer query parameter given as decimal digits, bounded and with a default. */
export function integerParam(min: number, max: number | null, fallback: number) {
  return documentedInteger(integerDigits(min, max).transform((value) => value ?? fallback), min, max, fallback);
}

/** The same, left undefined when absent (its default applied later): for a parameter whose absence matters. */
export function integerParamOrAbsent(min: number, max: number | null, fallback: number) {
  return documentedInteger(integerDigits(min, max), min, max, fallback);
}

/** One of a fixed set of words, with a default. */
export function enumParam<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z
    .enum(values, { error: `Must be one of: ${values.join(", ")}` })
    .optional()
    .transform((value) => value ?? fallback)
    .meta({ override: { type: "string", enum: [...values], default: fallback } });
}

/** `true` or `false`. */
export function booleanParam() {
  return z
    .enum(["true", "false"], { error: "Must be true or false" })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true"));
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = "Must be a date (2026-01-31) or an ISO 8601 date-time with a time zone (2026-01-31T09:30:00Z)";

/** A date (midnight UTC) or an ISO 8601 date-time with its offset, given as the instant it names in the stored form (ISO UTC with milliseconds). */
export function instantParam() {
  return z
    .union([z.string().max(10).regex(DATE_ONLY), z.iso.datetime({ offset: true }).max(40)], { error: DATE_MESSAGE })
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const instant = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
      const stored = storedTimestamp(instant);
      if (stored === undefined) {
        context.addIssue({ code: "custom", message: Number.isNaN(instant.getTime()) ? DATE_MESSAGE : TIMESTAMP_RANGE_MESSAGE });
        return z.NEVER;
      }
      return stored;
    });
}
