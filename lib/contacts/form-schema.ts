import { z } from "zod";
import {
  METADATA_KEY_MAX_LENGTH,
  METADATA_MAX_KEYS,
  METADATA_STRING_MAX_LENGTH,
  emptyMetadata,
  type Metadata,
  type MetadataPatch,
  type MetadataValue,
} from "../validation/metadata";
import {
  contactTextFieldNames,
  contactTextFields,
  type Contact,
  type ContactTextField,
  type CreateContactInput,
  type UpdateContactInput,
} from "./schemas";
import { agentMessage } from "./form-messages";

// The dashboard's contact form: a text input per text field of the API, and metadata rows, checked
// with the API's own field schemas and limits, and turned into the API's create body or a minimal PATCH.

export const metadataValueTypes = ["text", "number", "boolean"] as const;
export type MetadataValueType = (typeof metadataValueTypes)[number];

export interface MetadataRow {
  key: string;
  type: MetadataValueType;
  value: string;
}

const blankToNull = (value: string): string | null => (value.trim() === "" ? null : value);

function textInputs<T>(value: (field: ContactTextField) => T): Record<ContactTextField, T> {
  return Object.fromEntries(contactTextFieldNames.map((field) => [field, value(field)])) as Record<ContactTextField, T>;
}

export const contactFormSchema = z
  .object({
    chatbotId: z.string().min(1, "Choose a chatbot"),
    ...textInputs(() => z.string()),
    metadata: z.array(z.object({ key: z.string(), type: z.enum(metadataValueTypes), value: z.string() })),
  })
  .superRefine((form, ctx) => {
    for (const field of contactTextFieldNames) {
      const result = contactTextFields[field].safeParse(blankToNull(form[field]));
      if (!result.success) ctx.addIssue({ code: "custom", path: [field], message: agentMessage(field, result.error.issues[0].message) });
    }
    if (form.metadata.length > METADATA_MAX_KEYS) {
      ctx.addIssue({ code: "custom", path: ["metadata"], message: `At most ${METADATA_MAX_KEYS} metadata keys are allowed` });
    }
    const seen = new Set<string>();
    form.metadata.forEach((row, index) => {
      const keyError = metadataRowKeyError(row.key, seen);
      if (keyError) ctx.addIssue({ code: "custom", path: ["metadata", index, "key"], message: keyError });
      seen.add(row.key);
      const valueError = metadataRowValueError(row);
      if (valueError) ctx.addIssue({ code: "custom", path: ["metadata", index, "value"], message: valueError });
    });
  });

export type ContactFormValues = z.infer<typeof contactFormSchema>;

function metadataRowKeyError(key: string, earlierKeys: ReadonlySet<string>): string | null {
  if (key.trim() === "") return "Enter a key";
  if (key.length > METADATA_KEY_MAX_LENGTH) return `Keys are at most ${METADATA_KEY_MAX_LENGTH} characters`;
  if (earlierKeys.has(key)) return "This key is already used above";
  return null;
}

function metadataRowValueError(row: MetadataRow): string | null {
  if (row.type === "number" && parseNumber(row.value) === null) return "Enter a number";
  if (row.type === "text" && row.value.length > METADATA_STRING_MAX_LENGTH) {
    return `Text values are at most ${METADATA_STRING_MAX_LENGTH.toLocaleString("en-US")} characters`;
  }
  return null;
}

function parseNumber(raw: string): number | null {
  if (raw.trim() === "") return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/** A row's value after its type changes: kept where it still fits ("42" as a number), else reset. */
export function retypedValue(value: string, type: MetadataValueType): string {
  if (type === "boolean") return value === "true" ? "true" : "false";
  if (type === "number") return parseNumber(value) === null ? "" : value;
  return value;
}

export function rowValue(row: MetadataRow): MetadataValue {
  if (row.type === "number") return parseNumber(row.value) ?? 0;
  if (row.type === "boolean") return row.value === "true";
  return row.value;
}

export function metadataToRows(metadata: Metadata): MetadataRow[] {
  return Object.entries(metadata).map(([key, value]) => ({
    key,
    type: typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "text",
    value: String(value),
  }));
}

export function rowsToMetadata(rows: readonly MetadataRow[]): Metadata {
  return Object.fromEntries(rows.map((row) => [row.key, rowValue(row)]));
}

export function emptyContactForm(chatbotId = ""): ContactFormValues {
  return { chatbotId, ...textInputs(() => ""), metadata: [] };
}

export function contactToForm(contact: Contact): ContactFormValues {
  return {
    chatbotId: contact.chatbotId,
    ...textInputs((field) => contact[field] ?? ""),
    metadata: metadataToRows(contact.metadata),
  };
}

export function formToCreateInput(form: ContactFormValues): CreateContactInput {
  const input: CreateContactInput = { chatbotId: form.chatbotId };
  for (const field of contactTextFieldNames) {
    const value = blankToNull(form[field]);
    if (value !== null) input[field] = value;
  }
  if (form.metadata.length > 0) input.metadata = rowsToMetadata(form.metadata);
  return input;
}

/**
 * Only what changed: edited fields, metadata keys set to their new values, and removed (or
 * renamed-away) keys set to null. Empty when nothing changed.
 */
export function formToPatch(form: ContactFormValues, original: Contact): UpdateContactInput {
  const patch: UpdateContactInput = {};
  for (const field of contactTextFieldNames) {
    const value = blankToNull(form[field]);
    if (value !== original[field]) patch[field] = value;
  }
  const next = rowsToMetadata(form.metadata);
  // No prototype, so a key named `__proto__` is an ordinary key here too.
  const metadata: MetadataPatch = emptyMetadata();
  for (const key of Object.keys(original.metadata)) if (!Object.hasOwn(next, key)) metadata[key] = null;
  for (const [key, value] of Object.entries(next)) {
    if (!Object.hasOwn(original.metadata, key) || original.metadata[key] !== value) metadata[key] = value;
  }
  if (Object.keys(metadata).length > 0) patch.metadata = metadata;
  return patch;
}
