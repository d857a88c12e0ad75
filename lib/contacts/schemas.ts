import { z } from "zod";
import { idSchema, ID_MAX_LENGTH, lookupIdMeta } from "../validation/id";
import { METADATA_KEY_MAX_LENGTH, metadataPatchSchema, metadataSchema, METADATA_STRING_MAX_LENGTH } from "../validation/metadata";
import { timestampSchema } from "../validation/timestamp";
import { booleanParam, countSchema, enumParam, instantParam, integerParam, integerParamOrAbsent } from "../validation/query-params";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation/text";

// The contact concept, once: the API's route handlers, the dashboard's forms and the OpenAPI
// document all use these schemas. No server imports here.

export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
export const PHONE_MAX_LENGTH = 32;
export const SEARCH_MAX_LENGTH = 200;
export const LIST_LIMIT_MAX = 500;
export const LIST_CURSOR_MAX_LENGTH = 2048;
const LIST_CURSOR_MESSAGE = "Must be the nextCursor of a previous page, unchanged";
export const EMAIL_MESSAGE = "Must be a valid email address";
const NAME_MESSAGE = `Must be a name of 1–${NAME_MAX_LENGTH} characters, or null`;
const PHONE_MESSAGE = `Must be at most ${PHONE_MAX_LENGTH} characters of digits, spaces and + - ( ) . with at least 5 digits, or null`;

export const contactNameSchema = z
  .string({ error: NAME_MESSAGE })
  .trim()
  .min(1, NAME_MESSAGE)
  .max(NAME_MAX_LENGTH, NAME_MESSAGE)
  .refine(isStorableText, STORABLE_TEXT_MESSAGE)
  .nullable()
  .meta({ description: "Full name, trimmed.", example: "Jane Smith" });

/**
 * The address rule, written once as a pattern so the server and the OpenAPI document agree both
 * ways: a dot-atom local part and a host name of labels that neither start nor end with `-` (the
 * `format: email` of common JSON Schema validators, in its strict form).
 */
export const EMAIL_PATTERN =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export const contactEmailSchema = z
  .string({ error: EMAIL_MESSAGE })
  .max(EMAIL_MAX_LENGTH, EMAIL_MESSAGE)
  .regex(EMAIL_PATTERN, EMAIL_MESSAGE)
  .meta({ override: { type: "string", format: "email", maxLength: EMAIL_MAX_LENGTH, pattern: EMAIL_PATTERN.source } })
  .nullable()
  .meta({ description: "Email address, stored as given and matched case-insensitively.", example: "jane@example.com" });

/** Digits, spaces and `+ - ( ) .`, at least 5 of them digits: one pattern for server and document. */
export const PHONE_PATTERN = /^[ +\-().]*(?:[0-9][ +\-().]*){5,}$/;

export const contactPhoneSchema = z
  .string({ error: PHONE_MESSAGE })
  .max(PHONE_MAX_LENGTH, PHONE_MESSAGE)
  .regex(PHONE_PATTERN, PHONE_MESSAGE)
  .nullable()
  .meta({ description: "Phone number; E.164 (`+15551234567`) recommended.", example: "+15559876543" });

/**
 * A contact's own fields besides its chatbot and metadata: nullable text that clients set, change
 * and clear, each stored in the contacts column of the same name in snake_case
 * (lib/contacts/contact-row.ts). Create, update, the contact answered, the OpenAPI document, the
 * import and the dashboard form are built from this list.
 */
export const contactTextFields = {
  name: contactNameSchema,
  email: contactEmailSchema,
  phone: contactPhoneSchema,
};
export type ContactTextField = keyof typeof contactTextFields;
export const contactTextFieldNames = Object.keys(contactTextFields) as ContactTextField[];

const optionalTextFields = z.object(contactTextFields).partial().shape;

export const createContactSchema = z
  .strictObject({
    chatbotId: z
      .string({ error: "Must be the id of a chatbot in this workspace" })
      .min(1, "Must be the id of a chatbot in this workspace")
      .max(ID_MAX_LENGTH, "Must be the id of a chatbot in this workspace")
      .refine(isStorableText, "Must be the id of a chatbot in this workspace")
      .meta({ example: "chatbot_456def" }),
    ...optionalTextFields,
    metadata: metadataSchema.optional(),
  })
  .meta({ id: "CreateContact" });

export const updateContactSchema = z
  .strictObject({
    ...optionalTextFields,
    metadata: metadataPatchSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: `Give at least one of: ${[...contactTextFieldNames, "metadata"].join(", ")}`,
    path: ["body"],
  })
  .meta({
    id: "UpdateContact",
    override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
      jsonSchema.minProperties = 1;
    },
  });

export const contactSortFields = ["createdAt", "name", "email"] as const;
export const metadataMatches = ["has", "equals", "contains"] as const;
export const sortOrders = ["asc", "desc"] as const;

export const listContactsQuerySchema = z.object({
  limit: integerParam(1, LIST_LIMIT_MAX, 100).meta({ description: "Maximum number of contacts to return." }),
  offset: integerParamOrAbsent(0, null, 0).meta({ description: "Number of contacts to skip. Not with `cursor`." }),
  chatbotId: z
    .string()
    .refine(isStorableText, STORABLE_TEXT_MESSAGE)
    .optional()
    .transform((value) => value || undefined)
    .meta({ description: "Only contacts of this chatbot (an unknown chatbot gives an empty list); blank means no filter.", ...lookupIdMeta }),
  search: z
    .string()
    .max(SEARCH_MAX_LENGTH, `Must be at most ${SEARCH_MAX_LENGTH} characters`)
    .refine(isStorableText, STORABLE_TEXT_MESSAGE)
    .optional()
    .transform((value) => value?.trim() || undefined)
    .meta({ description: "Case-insensitive substring of name or email; blank means no filter." }),
  sortBy: enumParam(contactSortFields, "createdAt"),
  sortOrder: enumParam(sortOrders, "desc"),
  createdFrom: instantParam().meta({ description: "Only contacts created at or after this date (UTC midnight) or date-time." }),
  createdBefore: instantParam().meta({ description: "Only contacts created before this date (UTC midnight) or date-time." }),
  hasEmail: booleanParam().meta({ description: "`true`: only contacts with an email; `false`: only those without." }),
  hasPhone: booleanParam().meta({ description: "`true`: only contacts with a phone number; `false`: only those without." }),
  metadataKey: z
    .string()
    .max(METADATA_KEY_MAX_LENGTH, `Must be at most ${METADATA_KEY_MAX_LENGTH} characters`)
    .refine(isStorableText, STORABLE_TEXT_MESSAGE)
    .optional()
    .transform((value) => value || undefined)
    .meta({ description: "Only contacts whose metadata has this key (see `metadataMatch`); blank means no filter.", example: "plan" }),
  metadataMatch: z
    .enum(metadataMatches, { error: `Must be one of: ${metadataMatches.join(", ")}` })
    .optional()
    .meta({
      description:
        "How `metadataKey` is matched: `has` (the key is there), `equals` or `contains` (its value, given in `metadataValue`, ignoring case and accents; numbers and booleans as written: `12`, `true`). Default: `equals` when `metadataValue` is given, else `has`.",
    }),
  metadataValue: z
    .string()
    .max(METADATA_STRING_MAX_LENGTH, `Must be at most ${METADATA_STRING_MAX_LENGTH} characters`)
    .refine(isStorableText, STORABLE_TEXT_MESSAGE)
    .optional()
    .meta({ description: "The value for `metadataMatch` `equals` or `contains`.", example: "pro" }),
  cursor: z
    .string()
    .min(1, LIST_CURSOR_MESSAGE)
    .max(LIST_CURSOR_MAX_LENGTH, LIST_CURSOR_MESSAGE)
    .optional()
    .meta({
      description:
        "The `nextCursor` of the previous page: the page after it, with the same `search`, `chatbotId`, `sortBy` and `sortOrder` (and any `limit`). Not with `offset`. A walk by cursor returns each contact that exists throughout it exactly once, while others are created, changed or deleted.",
    }),
});

const timestamp = timestampSchema;

export const contactIdParamsSchema = z.object({
  contactId: z.string().meta({ description: "The contact's id.", example: "contact_123abc", ...lookupIdMeta }),
});

// In an answer each is plain nullable text within the field's length: the other rules above are
// for what a client writes.
const storedText = (schema: z.ZodNullable<z.ZodString>) => {
  const max = schema.unwrap().maxLength;
  return (max === null ? z.string() : z.string().max(max)).nullable();
};
const storedTextFields = Object.fromEntries(contactTextFieldNames.map((field) => [field, storedText(contactTextFields[field])])) as Record<
  ContactTextField,
  z.ZodNullable<z.ZodString>
>;

export const contactSchema = z
  .object({
    id: idSchema.meta({ example: "contact_321cba" }),
    chatbotId: idSchema,
    ...storedTextFields,
    metadata: z.record(
      z.string().min(1).max(METADATA_KEY_MAX_LENGTH),
      z.union([z.string().max(METADATA_STRING_MAX_LENGTH), z.number(), z.boolean()]),
    ),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Contact" });

export const conversationRefSchema = z
  .object({ id: idSchema.meta({ example: "conv_789ghi" }), startedAt: timestamp, lastMessageAt: timestamp })
  .meta({ id: "ConversationRef" });

export const contactWithConversationsSchema = contactSchema
  .extend({ conversations: z.array(conversationRefSchema).max(100) })
  .meta({ id: "ContactWithConversations" });

export const contactListSchema = z
  .object({
    contacts: z.array(contactSchema).max(LIST_LIMIT_MAX),
    total: countSchema.meta({ description: "Every contact that matches the filters, ignoring limit and offset." }),
    limit: countSchema.meta({ description: "The limit applied." }),
    offset: countSchema.meta({ description: "The offset applied (0 for a page by cursor)." }),
    nextCursor: z
      .string()
      .max(LIST_CURSOR_MAX_LENGTH)
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "ContactList" });

export const deletedContactSchema = z.object({ deleted: z.literal(true), id: idSchema }).meta({ id: "DeletedContact" });

export type CreateContactInput = z.output<typeof createContactSchema>;
export type UpdateContactInput = z.output<typeof updateContactSchema>;
export type ListContactsQuery = z.output<typeof listContactsQuerySchema>;
export type Contact = z.output<typeof contactSchema>;
export type ContactWithConversations = z.output<typeof contactWithConversationsSchema>;
export type ContactList = z.output<typeof contactListSchema>;
export type ConversationRef = z.output<typeof conversationRefSchema>;
export type ContactSortField = (typeof contactSortFields)[number];
export type SortOrder = (typeof sortOrders)[number];
