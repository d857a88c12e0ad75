import { sql, type SelectQueryBuilder } from "kysely";
import type { Store } from "../db/client";
import { preparedQuery } from "../db/prepared-query";
import { latestConversationRefsOfContact } from "../conversations/repository";
import { addToContactCounts, countedContacts, subtractFromContactCount } from "./contact-counts";
import { CONTACT_COLUMNS, type StoredContact, type TextColumn } from "./contact-row";
import { unindexedSortKey, type SearchPlan } from "./search/contact-search";
import type { ContactRow, Database, NewContactRow } from "../db/schema";
import type { ContactSortField, SortOrder } from "./schemas";

// SQL for contacts, and nothing else. Every query names the workspace.

export interface ContactFilter {
  workspaceId: string;
  chatbotId?: string;
  search?: string;
}

export interface ContactPage {
  sortBy: ContactSortField;
  sortOrder: SortOrder;
  limit: number;
  offset: number;
}

const SORT_COLUMNS = { createdAt: "created_at", name: "name", email: "email" } as const;

function filtered(store: Store, filter: ContactFilter, plan: SearchPlan): SelectQueryBuilder<Database, "contacts", object> {
  let query = store.db.selectFrom("contacts").where("contacts.workspace_id", "=", filter.workspaceId);
  if (filter.chatbotId !== undefined) query = query.where("contacts.chatbot_id", "=", filter.chatbotId);
  const { search } = filter;
  if (search) query = query.where(store.dialect.contactSearch.condition(filter.workspaceId, search, plan));
  return query;
}

/** `matches` is how many contacts the filter matches, when counted already: it picks the plan. */
export async function listContacts(store: Store, filter: ContactFilter, page: ContactPage, matches?: number): Promise<StoredContact[]> {
  return contactPageQuery(store, filter, page, matches).execute();
}

/** One page of contacts as a query, not yet run (the storage tests read its plan). */
export function contactPageQuery(store: Store, filter: ContactFilter, page: ContactPage, matches?: number) {
  const columns = CONTACT_COLUMNS.map((c) => `contacts.${c}` as const);
  const column = SORT_COLUMNS[page.sortBy];
  if (filter.search && matches !== undefined && store.dialect.contactSearch.fewMatches(matches)) {
    return sortedAfterMatching(filtered(store, filter, "few").select(columns), column, page);
  }
  if (!store.dialect.contactSearch.pageKeysFirst(page.offset)) {
    return inSortOrder(store, filtered(store, filter, "many").select(columns), column, page.sortOrder).limit(page.limit).offset(page.offset);
  }
  const pageIds = inSortOrder(store, filtered(store, filter, "many").select("contacts.id"), column, page.sortOrder).limit(page.limit).offset(page.offset);
  const pageRows = store.db.selectFrom("contacts").select(columns).where("contacts.workspace_id", "=", filter.workspaceId).where("contacts.id", "in", pageIds);
  return inSortOrder(store, pageRows, column, page.sortOrder);
}

function inSortOrder<O>(store: Store, query: SelectQueryBuilder<Database, "contacts", O>, column: (typeof SORT_COLUMNS)[ContactSortField], order: SortOrder) {
  // Null names/emails come last in both directions; the sort indexes lead with the same expression.
  if (column !== "created_at") query = query.orderBy(sql`(${sql.ref(column)} is null)`);
  const sortKey = column === "created_at" ? sql.ref(column) : store.dialect.byteOrder(column);
  return query.orderBy(sortKey, order).orderBy(store.dialect.byteOrder("contacts.id"), order);
}

/** Sorts the matches themselves instead of walking a sort index: the plan for a search with few matches. */
function sortedAfterMatching<O>(query: SelectQueryBuilder<Database, "contacts", O>, column: (typeof SORT_COLUMNS)[ContactSortField], page: ContactPage) {
  if (column !== "created_at") query = query.orderBy(sql`(${sql.ref(column)} is null)`);
  return query
    .orderBy(unindexedSortKey(column), page.sortOrder)
    .orderBy(sql`contacts.id`, page.sortOrder)
    .limit(page.limit)
    .offset(page.offset);
}

export async function countContacts(store: Store, filter: ContactFilter): Promise<number> {
  if (!filter.search) return countedContacts(store, filter.workspaceId, filter.chatbotId);
  if (filter.chatbotId === undefined) {
    const fromIndex = await store.dialect.contactSearch.countMatchesFromIndex(store.db, filter.workspaceId, filter.search);
    if (fromIndex !== undefined) return fromIndex;
  }
  const row = await filtered(store, filter, "count")
    .select((eb) => eb.fn.countAll<number | string | bigint>().as("total"))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

const contactById = preparedQuery<{ workspaceId: string; contactId: string }, StoredContact>((db, value) =>
  db.selectFrom("contacts").select(CONTACT_COLUMNS).where("workspace_id", "=", value("workspaceId")).where("id", "=", value("contactId")),
);

export async function findContact(store: Store, workspaceId: string, contactId: string): Promise<StoredContact | undefined> {
  return (await contactById(store, { workspaceId, contactId }))[0];
}

/** How many of its latest conversations come with a contact. */
export const CONVERSATIONS_ON_CONTACT = 100;

// One statement instead of two: on SQLite a statement's fixed cost is most of what a lookup by key costs.
const contactWithConversationsById = preparedQuery<{ workspaceId: string; contactId: string }, StoredContact & { conversations: string }>((db, value, dialect) =>
  db
    .selectFrom("contacts")
    .select(CONTACT_COLUMNS)
    .select((eb) => dialect.jsonArrayText(latestConversationRefsOfContact(eb, CONVERSATIONS_ON_CONTACT)).as("conversations"))
    .where("workspace_id", "=", value("workspaceId"))
    .where("id", "=", value("contactId")),
);

/** The contact with its latest conversations, as the text of a JSON array of conversation refs. */
export async function findContactWithConversations(
  store: Store,
  workspaceId: string,
  contactId: string,
): Promise<(StoredContact & { conversations: string }) | undefined> {
  return (await contactWithConversationsById(store, { workspaceId, contactId }))[0];
}

/** Inserts rows as given, indexed for search and counted. Run it in a write transaction. */
export async function insertContacts(store: Store, rows: readonly NewContactRow[]): Promise<void> {
  await store.dialect.contactSearch.insertSearchableContacts(store.db, rows);
  await addToContactCounts(store, rows);
}

/**
 * Inserts contacts into a table that was empty when the caller's transaction began; they are
 * searchable once indexLoadedContacts has run in the same transaction.
 */
export async function insertContactsBeforeIndexing(store: Store, rows: readonly NewContactRow[]): Promise<void> {
  await store.dialect.contactSearch.insertContactsBeforeIndexing(store.db, rows);
  await addToContactCounts(store, rows);
}

export async function indexLoadedContacts(store: Store): Promise<void> {
  await store.dialect.contactSearch.indexLoadedContacts(store.db);
}

/** Applies `changes`; returns the contact as updated (read back by the same statement), or undefined when absent. */
export async function updateContactRow(
  store: Store,
  workspaceId: string,
  contactId: string,
  changes: Partial<Pick<ContactRow, TextColumn | "metadata" | "updated_at">>,
): Promise<StoredContact | undefined> {
  return store.db
    .updateTable("contacts")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contactId)
    .returning(CONTACT_COLUMNS)
    .executeTakeFirst();
}

/** Deletes a contact; its conversations stay in the workspace with no contact. The contact as it was, or undefined when absent. */
export async function deleteContactRow(store: Store, workspaceId: string, contactId: string): Promise<StoredContact | undefined> {
  await store.db
    .updateTable("conversations")
    .set({ contact_id: null })
    .where("workspace_id", "=", workspaceId)
    .where("contact_id", "=", contactId)
    .execute();
  const deleted = await store.db
    .deleteFrom("contacts")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contactId)
    .returning(CONTACT_COLUMNS)
    .executeTakeFirst();
  if (deleted) await subtractFromContactCount(store, workspaceId, deleted.chatbot_id);
  return deleted;
}
