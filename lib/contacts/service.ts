import { contactNotFound, InvalidInputError } from "../errors";
import { chatbotExists } from "../chatbots/repository";
import type { Store } from "../db/client";
import type { NewContactRow } from "../db/schema";
import { forUpdate, writeTransaction } from "../db/transaction";
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
  updateContactRow,
} from "./repository";
import { contactJson, givenTextColumns, newTextColumns, parseMetadata, toContact, type StoredContact } from "./contact-row";
import type {
  Contact,
  ContactList,
  ContactWithConversations,
  CreateContactInput,
  ListContactsQuery,
  UpdateContactInput,
} from "./schemas";
import { jsonText, type JsonText } from "../json-text";
import { recordContactEvent } from "../webhooks/outbox";

// The rules for contacts that are not SQL: tenancy, metadata merging, what a missing contact means.

/** An id no contact can have (NUL, say) is simply not found, without asking a database that would choke on it. */
function assertPossibleContactId(contactId: string): void {
  if (!isStorableText(contactId)) throw contactNotFound();
}

/** A page of contacts as the answer's JSON (contacts are written straight from their rows). */
export async function listContacts(store: Store, workspaceId: string, query: ListContactsQuery): Promise<JsonText<ContactList>> {
  const filter = { workspaceId, chatbotId: query.chatbotId, search: query.search };
  // Counted first: how many contacts a search matches decides how best to fetch the page.
  const total = await countContacts(store, filter);
  const rows = total === 0 ? [] : await listContactRows(store, filter, query, total);
  return jsonText(`{"contacts":[${rows.map(contactJson).join(",")}],"total":${total},"limit":${query.limit},"offset":${query.offset}}`);
}

/** The contact and its latest conversations as the answer's JSON: the contact's fields, then `conversations`. */
export async function getContact(store: Store, workspaceId: string, contactId: string): Promise<JsonText<ContactWithConversations>> {
  assertPossibleContactId(contactId);
  const row = await findContactWithConversations(store, workspaceId, contactId);
  if (!row) throw contactNotFound();
  return jsonText(`${contactJson(row).slice(0, -1)},"conversations":${row.conversations}}`);
}

export async function createContact(store: Store, workspaceId: string, input: CreateContactInput): Promise<Contact> {
  if (!(await chatbotExists(store, workspaceId, input.chatbotId))) {
    throw new InvalidInputError({ chatbotId: "Must be the id of a chatbot in this workspace" });
  }
  const row = newContactRow(workspaceId, input);
  await writeTransaction(store, async (tx) => {
    await insertContacts(tx, [row]);
    await recordContactEvent(tx, workspaceId, "contact.created", row);
  });
  return toContact(row);
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
): Promise<Contact> {
  assertPossibleContactId(contactId);
  return writeTransaction(store, async (tx) => {
    const current = await forUpdate(
      tx,
      tx.db.selectFrom("contacts").select(["updated_at", "metadata"]).where("workspace_id", "=", workspaceId).where("id", "=", contactId),
    ).executeTakeFirst();
    if (!current) throw contactNotFound();

    const changes: Parameters<typeof updateContactRow>[3] = { updated_at: nextTimestamp(current.updated_at), ...givenTextColumns(input) };
    if (input.metadata !== undefined) {
      const merged = mergeMetadata(parseMetadata(current.metadata), input.metadata);
      if (Object.keys(merged).length > METADATA_MAX_KEYS) {
        throw new InvalidInputError({ metadata: `Must have at most ${METADATA_MAX_KEYS} keys after merging (would have ${Object.keys(merged).length})` });
      }
      changes.metadata = JSON.stringify(merged);
    }
    const updated = await updateContactRow(tx, workspaceId, contactId, changes);
    if (!updated) throw contactNotFound();
    await recordContactEvent(tx, workspaceId, "contact.updated", updated);
    return toContact(updated);
  });
}

export async function deleteContact(store: Store, workspaceId: string, contactId: string): Promise<void> {
  assertPossibleContactId(contactId);
  const deleted = await writeTransaction(store, async (tx) => {
    const contact = await deleteContactRow(tx, workspaceId, contactId);
    if (contact) await recordContactEvent(tx, workspaceId, "contact.deleted", contact);
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
