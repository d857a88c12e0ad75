import { z } from "zod";

const EXAMPLE = "2023-07-15T14:22:31.000Z";

/** ISO 8601 UTC with a `Z`, milliseconds included: `Date#toISOString`, so never longer than its example. */
export const timestampSchema = z.iso.datetime().max(EXAMPLE.length).meta({ example: EXAMPLE });
