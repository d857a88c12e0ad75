import { sql, type RawBuilder } from "kysely";
import type { ContactRow } from "../db/schema";
import type { StorageDialect } from "../db/storage-dialect";
import { jsonText, type JsonText } from "../json-text";
import { emptyMetadata, type Metadata } from "../validation/metadata";
import { contactTextFieldNames, type Contact, type ContactTextField } from "./schemas";

// How a contact is stored, written once: the columns an answer reads, and a row turned into the
// API's contact. Each text field of lib/contacts/schemas.ts lives in the column of the same name in
// snake_case (`jobTitle` in `job_title`), which lib/db/schema.ts must declare as `string | null`.

type ColumnName<Field extends string> = Field extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${ColumnName<Tail>}`
  : Field;
export type TextColumn = ColumnName<ContactTextField>;
type TextColumns = Pick<ContactRow, TextColumn>;

function columnOf<Field extends ContactTextField>(field: Field): ColumnName<Field> {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) as ColumnName<Field>;
}

// Worked out once: toContact runs for every row of every page.
const TEXT_FIELD_COLUMNS = contactTextFieldNames.map((field) => [field, columnOf(field)] as const);

export const CONTACT_COLUMNS = [
  "id",
  "chatbot_id",
  ...TEXT_FIELD_COLUMNS.map(([, column]) => column),
  "metadata",
  "created_at",
  "updated_at",
] as const satisfies readonly (keyof ContactRow)[];
export type StoredContact = Pick<ContactRow, (typeof CONTACT_COLUMNS)[number]>;

export function parseMetadata(text: string): Metadata {
  return Object.assign(emptyMetadata(), JSON.parse(text) as Metadata);
}

export function toContact(row: StoredContact): Contact {
  // Keys in the contract's order: id, chatbotId, the text fields, metadata, createdAt, updatedAt.
  const contact: Record<string, unknown> = { id: row.id, chatbotId: row.chatbot_id };
  for (const [field, column] of TEXT_FIELD_COLUMNS) contact[field] = row[column];
  contact.metadata = parseMetadata(row.metadata);
  contact.createdAt = row.created_at;
  contact.updatedAt = row.updated_at;
  return contact as Contact;
}

const quoted = JSON.stringify;

/**
 * The contact of `toContact` as JSON text, written straight from the row: its metadata is stored
 * as the JSON text of an object already (written by JSON.stringify), so it is spliced in unparsed.
 */
export function contactJson(row: StoredContact): JsonText<Contact> {
  let json = `{"id":${quoted(row.id)},"chatbotId":${quoted(row.chatbot_id)}`;
  for (const [field, column] of TEXT_FIELD_COLUMNS) json += `,"${field}":${quoted(row[column])}`;
  return jsonText(`${json},"metadata":${row.metadata},"createdAt":${quoted(row.created_at)},"updatedAt":${quoted(row.updated_at)}}`);
}

/**
 * contactJson written by the database, for a query on `contacts`: a page of rows costs SQLite less
 * than reading their columns into JavaScript and quoting them there (101 rows at 1M contacts:
 * 109 µs against 182 µs). The metadata text is spliced in unparsed here too.
 */
export function contactJsonColumn(dialect: StorageDialect): RawBuilder<JsonText<Contact>> {
  const quoted = (column: string) => dialect.jsonQuoted(`contacts.${column}`);
  const parts = [sql.lit('{"id":'), quoted("id"), sql.lit(',"chatbotId":'), quoted("chatbot_id")];
  for (const [field, column] of TEXT_FIELD_COLUMNS) parts.push(sql.lit(`,"${field}":`), quoted(column));
  parts.push(sql.lit(',"metadata":'), sql.ref("contacts.metadata"), sql.lit(',"createdAt":'), quoted("created_at"));
  parts.push(sql.lit(',"updatedAt":'), quoted("updated_at"), sql.lit("}"));
  return sql<JsonText<Contact>>`(${sql.join(parts, sql` || `)})`;
}

type TextFieldsInput = Partial<Record<ContactTextField, string | null>>;

/** The columns of the text fields an input gives: what a PATCH changes. */
export function givenTextColumns(input: TextFieldsInput): Partial<TextColumns> {
  const columns: Partial<TextColumns> = {};
  for (const [field, column] of TEXT_FIELD_COLUMNS) {
    if (input[field] !== undefined) columns[column] = input[field];
  }
  return columns;
}

/** Every text column of a new contact: null where the input gives no value. */
export function newTextColumns(input: TextFieldsInput): TextColumns {
  const unset = Object.fromEntries(TEXT_FIELD_COLUMNS.map(([, column]) => [column, null])) as TextColumns;
  return { ...unset, ...givenTextColumns(input) };
}
