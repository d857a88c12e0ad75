import { z } from "zod";

/** ISO 8601 UTC with a `Z`, milliseconds included. */
export const timestampSchema = z.iso.datetime().meta({ example: "2023-07-15T14:22:31.000Z" });
