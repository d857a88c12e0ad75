import { contactNotFound, InvalidInputError, StaleVersionError } from "../errors";
import { chatbotExists } from "../chatbots/repository";
import type { Store } from "../db/client";
import type { NewContactRow } from "../db/schema";
import { writeTransaction } from "../db/transaction";
import { countConversationsOfContact, listConversationsOfContact } from "../conversations/repository";
import { toConversation } from "../conversations/service";
import type { Conversation, ListConversationsQuery } from "../conversations/schemas";
import { newId } from "../ids";
import { nextTimestamp, nowIso } from "../time";
import { mergeMetadata, METADATA_MAX_KEYS } from "../validation/metadata";
import { isStorableText } from "../validation/text";
import {
  countContacts,
  deleteContactRow,
  findContact,
  findContactWithConversations,
  insertContacts,
  listContacts as listContactRows,
  listContactsAfter as listContactRowsAfter,
  lockedContactVersion,
  updateContactRow,
  type ContactFilter,
} from "./repository";
import { contactJson, givenTextColumns, newTextColumns, parseMetadata, type StoredContact } from "./contact-row";
import type {
  Contact,
  ContactList,
  ContactWithConversations,
  CreateContactInput,
  ListContactsQuery,
  UpdateContactInput,
} from "./schemas";
import { jsonText, parseJsonText, type JsonText } from "../json-text";
import { sortKeyColumns } from "./sort-key";
import { contactETag } from "./etag";
import { ifMatchAccepts } from "../validation/entity-tags";
import { cursorAfter, positionOf } from "./list-cursor";
import { recordContactEvent } from "../webhooks/outbox";
import type { MetadataChange } from "./metadata-repository";

// The rules for contacts that are not SQL: tenancy, metadata merging, what a missing contact means.

/** An id no contact can have (NUL, say) is simply not found, without asking a database that would choke on it. */
function assertPossibleContactId(contactId: string): void {
  if (!isStorableText(contactId)) throw contactNotFound();
}

/** A listing's parameters: the page, and any filters (absent ones are no filter). */
export type ListContactsInput = Pick<ListContactsQuery, "limit" | "sortBy" | "sortOrder"> & Partial<ListContactsQuery>;

/** The filters of a listing, checked together (each parameter alone was checked by its schema). */
function contactFilterOf(workspaceId: string, query: ListContactsInput): ContactFilter {
  const { metadataKey: key, metadataValue: value } = query;
  const match = query.metadataMatch ?? (value === undefined ? "has" : "equals");
  if (key === undefined && (value !== undefined || query.metadataMatch !== undefined)) {
    throw new InvalidInputError({ metadataKey: "Name the metadata key that metadataMatch and metadataValue apply to" });
  }
  if (match === "has" && value !== undefined) throw new InvalidInputError({ metadataValue: "Not with metadataMatch=has, which matches the key whatever its value" });
  if (match !== "has" && value === undefined) throw new InvalidInputError({ metadataValue: `Give the value that metadataMatch=${match} compares with` });
  if (query.createdFrom !== undefined && query.createdBefore !== undefined && query.createdFrom >= query.createdBefore) {
    throw new InvalidInputError({ createdBefore: "Must be later than createdFrom" });
  }
  return {
    workspaceId,
    chatbotId: query.chatbotId,
    search: query.search,
    createdFrom: query.createdFrom,
    createdBefore: query.createdBefore,
    hasEmail: query.hasEmail,
    hasPhone: query.hasPhone,
    metadata: key === undefined ? undefined : { key, match, value },
  };
}

/** A page of contacts as the answer's JSON (contacts are written straight from their rows). */
export async function listContacts(store: Store, workspaceId: string, query: ListContactsInput): Promise<JsonText<ContactList>> {
  const { sortBy, sortOrder, limit, cursor } = query;
  if (cursor !== undefined && query.offset !== undefined) {
    throw new InvalidInputError({ cursor: "Cannot be combined with offset: the cursor says where the page starts" });
  }
  const filter = contactFilterOf(workspaceId, query);
  const scope = { filter, sortBy, sortOrder };
  const position = cursor === undefined ? undefined : positionOf(cursor, scope);
  const offset = query.offset ?? 0;
  // Counted first: how many contacts a search matches decides how best to fetch the page.
  const total = await countContacts(store, filter);
  // One row more than the page tells whether another page follows.
  const page = { sortBy, sortOrder, limit: limit + 1, offset };
  const rows = total === 0 ? [] : position ? await listContactRowsAfter(store, filter, page, position, total) : await listContactRows(store, filter, page, total);
  // The cursor names the page's last contact: parsed back from its JSON, once per page.
  const nextCursor = rows.length > limit ? cursorAfter(parseJsonText(rows[limit - 1]!.json), scope) : null;
  const contacts = rows.slice(0, limit).map((row) => row.json).join(",");
  return jsonText(`{"contacts":[${contacts}],"total":${total},"limit":${limit},"offset":${offset},"nextCursor":${JSON.stringify(nextCursor)}}`);
}

/** The contact and its latest conversations as the answer's JSON (the contact's fields, then `conversations`), and its ETag. */
export async function getContact(
  store: Store,
  workspaceId: string,
  contactId: string,
): Promise<{ json: JsonText<ContactWithConversations>; etag: string }> {
  assertPossibleContactId(contactId);
  const row = await findContactWithConversations(store, workspaceId, contactId);
  if (!row) throw contactNotFound();
  return { json: jsonText(`${contactJson(row).slice(0, -1)},"conversations":${row.conversations}}`), etag: contactETag(row) };
}

/** The conditions a write may carry: `If-Match` (lib/validation/entity-tags.ts). */
export interface WriteConditions {
  ifMatch?: string;
}

/** 412 unless the contact is still the version the client names (checked with the row locked). */
function assertIfMatch(conditions: WriteConditions, current: { id: string; updated_at: string }): void {
  if (conditions.ifMatch !== undefined && !ifMatchAccepts(conditions.ifMatch, contactETag(current))) {
    throw new StaleVersionError("The contact has changed since the version named in If-Match; get it again and reapply your change");
  }
}

/**
 * A contact just written, as the answer's JSON with its id and ETag: written straight from the stored
 * row (contactJson), its metadata spliced in as stored, not parsed again and serialized again.
 */
export interface WrittenContact {
  id: string;
  json: JsonText<Contact>;
  etag: string;
}

function writtenContact(row: StoredContact): WrittenContact {
  return { id: row.id, json: contactJson(row), etag: contactETag(row) };
}

export async function createContact(store: Store, workspaceId: string, input: CreateContactInput): Promise<WrittenContact> {
  if (!(await chatbotExists(store, workspaceId, input.chatbotId))) {
    throw new InvalidInputError({ chatbotId: "Must be the id of a chatbot in this workspace" });
  }
  const row = newContactRow(workspaceId, input);
  await writeTransaction(store, async (tx) => {
    await insertContacts(tx, [row]);
    await recordContactEvent(tx, workspaceId, "contact.created", row);
  });
  return writtenContact(row);
}

/** The stored form of a new contact; `createdAt` is now unless given (imports keep theirs). */
export function newContactRow(workspaceId: string, input: CreateContactInput, createdAt = nowIso()): NewContactRow & StoredContact {
  return {
    workspace_id: workspaceId,
    id: newId("contact_"),
    chatbot_id: input.chatbotId,
    ...newTextColumns(input),
    metadata: JSON.stringify(input.metadata ?? {}),
    created_at: createdAt,
    updated_at: createdAt,
  };
}

export async function updateContact(
  store: Store,
  workspaceId: string,
  contactId: string,
  input: UpdateContactInput,
  conditions: WriteConditions = {},
): Promise<WrittenContact> {
  assertPossibleContactId(contactId);
  return writeTransaction(store, async (tx) => {
    const current = await lockedContactVersion(tx, workspaceId, contactId, "contact.updated");
    if (!current) throw contactNotFound();
    assertIfMatch(conditions, { id: contactId, updated_at: current.updated_at });

    const textColumns = givenTextColumns(input);
    const changes: Parameters<typeof updateContactRow>[3] = { updated_at: nextTimestamp(current.updated_at), ...textColumns, ...sortKeyColumns(textColumns) };
    let metadataChange: MetadataChange | undefined;
    if (input.metadata !== undefined) {
      const previous = parseMetadata(current.metadata);
      const merged = mergeMetadata(previous, input.metadata);
      if (Object.keys(merged).length > METADATA_MAX_KEYS) {
        throw new InvalidInputError({ metadata: `Must have at most ${METADATA_MAX_KEYS} keys after merging (would have ${Object.keys(merged).length})` });
      }
      changes.metadata = JSON.stringify(merged);
      metadataChange = { previous, current: merged, changedKeys: Object.keys(input.metadata) };
    }
    const updated = await updateContactRow(tx, workspaceId, contactId, changes, metadataChange);
    if (!updated) throw contactNotFound();
    await recordContactEvent(tx, workspaceId, "contact.updated", updated, current.subscribed);
    return writtenContact(updated);
  });
}

export async function deleteContact(store: Store, workspaceId: string, contactId: string, conditions: WriteConditions = {}): Promise<void> {
  assertPossibleContactId(contactId);
  const deleted = await writeTransaction(store, async (tx) => {
    let subscribed: boolean | undefined;
    if (conditions.ifMatch !== undefined) {
      const current = await lockedContactVersion(tx, workspaceId, contactId, "contact.deleted");
      if (!current) return undefined;
      assertIfMatch(conditions, { id: contactId, updated_at: current.updated_at });
      subscribed = current.subscribed;
    }
    const contact = await deleteContactRow(tx, workspaceId, contactId);
    if (contact) await recordContactEvent(tx, workspaceId, "contact.deleted", contact, subscribed);
    return contact;
  });
  if (!deleted) throw contactNotFound();
}

export async function listContactConversations(
  store: Store,
  workspaceId: string,
  contactId: string,
  query: ListConversationsQuery,
): Promise<{ conversations: Conversation[]; total: number; limit: number; offset: number }> {
  assertPossibleContactId(contactId);
  if (!(await findContact(store, workspaceId, contactId))) throw contactNotFound();
  const [rows, total] = await Promise.all([
    listConversationsOfContact(store, workspaceId, contactId, query),
    countConversationsOfContact(store, workspaceId, contactId),
  ]);
  return { conversations: rows.map(toConversation), total, limit: query.limit, offset: query.offset };
}
