import { z } from "zod";
import { createContactSchema } from "../contacts/schemas";
import { storedTimestamp, TIMESTAMP_RANGE_MESSAGE } from "../validation/timestamp";

// One imported row: the API's create body, plus an optional `createdAt` to keep the original
// collection date of contacts moved over from another system.
export const importContactSchema = createContactSchema.extend({
  createdAt: z.iso
    .datetime({ offset: true, error: "Must be an ISO 8601 date-time, e.g. 2026-01-31T09:30:00Z" })
    .transform((value, context) => {
      const stored = storedTimestamp(new Date(value));
      if (stored === undefined) context.addIssue({ code: "custom", message: TIMESTAMP_RANGE_MESSAGE });
      return stored ?? z.NEVER;
    })
    .optional(),
});

export type ImportContactInput = z.output<typeof importContactSchema>;
