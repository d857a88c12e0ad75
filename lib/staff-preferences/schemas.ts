import { z } from "zod";
import { METADATA_KEY_MAX_LENGTH } from "../validation/metadata";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation/text";

// The contacts table's columns as one staff user chose them: which of the optional columns are
// hidden, and which metadata keys show as columns of their own. The route and the chooser use this
// schema. No server imports here.

/** Every column but the name, which always shows. */
export const OPTIONAL_CONTACT_COLUMNS = ["email", "phone", "chatbotId", "metadata", "createdAt"] as const;
export type OptionalContactColumn = (typeof OPTIONAL_CONTACT_COLUMNS)[number];
export const METADATA_COLUMNS_MAX = 8;

const unique = <T>(values: T[]) => new Set(values).size === values.length;

export const metadataColumnKeySchema = z
  .string({ error: "Must be a metadata key" })
  .trim()
  .min(1, "Enter a metadata key")
  .max(METADATA_KEY_MAX_LENGTH, `Metadata keys are at most ${METADATA_KEY_MAX_LENGTH} characters`)
  .refine(isStorableText, STORABLE_TEXT_MESSAGE);

export const contactColumnsSchema = z.strictObject({
  hidden: z
    .array(z.enum(OPTIONAL_CONTACT_COLUMNS, { error: `Must be one of: ${OPTIONAL_CONTACT_COLUMNS.join(", ")}` }))
    .refine(unique, "Name each column once"),
  metadataKeys: z
    .array(metadataColumnKeySchema)
    .max(METADATA_COLUMNS_MAX, `At most ${METADATA_COLUMNS_MAX} metadata columns`)
    .refine(unique, "Name each key once"),
});

export type ContactColumns = z.infer<typeof contactColumnsSchema>;

export const DEFAULT_CONTACT_COLUMNS: ContactColumns = { hidden: [], metadataKeys: [] };
