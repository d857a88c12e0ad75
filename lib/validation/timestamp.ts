import { z } from "zod";

const EXAMPLE = "2023-07-15T14:22:31.000Z";

/** ISO 8601 UTC with a `Z`, milliseconds included: `Date#toISOString`, so never longer than its example. */
export const timestampSchema = z.iso.datetime().max(EXAMPLE.length).meta({ example: EXAMPLE });

export const TIMESTAMP_RANGE_MESSAGE = "Must fall within the years 0000 to 9999 in UTC";

/**
 * An instant in the stored form (`Date#toISOString`), or undefined for an invalid date, or one
 * outside the years 0000–9999 in UTC: toISOString writes those with a sign and six digits
 * (`+010000-01-01T…`), which is no timestamp of the contract and sorts as text before every
 * stored one.
 */
export function storedTimestamp(instant: Date): string | undefined {
  if (Number.isNaN(instant.getTime())) return undefined;
  const stored = instant.toISOString();
  return stored.length === EXAMPLE.length ? stored : undefined;
}
