import { sql, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { QueryScope, Store } from "../db/client";
import { preparedQuery, preparedQueryByShape } from "../db/prepared-query";
import { latestConversationRefsOfContact } from "../conversations/repository";
import { addToContactCounts, countedContacts, subtractFromContactCount } from "./contact-counts";
import { CONTACT_COLUMNS, contactJsonColumn, type StoredContact, type TextColumn } from "./contact-row";
import { unindexedSortKey, type SearchPlan } from "./search/contact-search";
import type { ContactMetadataRow, ContactRow, Database, NewContactRow } from "../db/schema";
import type { Contact, ContactSortField, SortOrder } from "./schemas";
import type { JsonText } from "../json-text";
import { sortKeyOf, type SortKeyColumn } from "./sort-key";
import { forgetMetadata, metadataCondition, reindexMetadata, type MetadataChange, type MetadataFilter } from "./metadata-repository";
import { metadataIndexTuples, METADATA_INDEX_COLUMNS } from "./metadata-index/metadata-rows";
import { literalLimit } from "../db/literal-limit";
import { toRowTuples, type RowTuples } from "../db/row-tuples";
import type { Metadata } from "../validation/metadata";
import { endpointsSubscribedTo } from "../webhooks/delivery-repository";
import type { WebhookEventType } from "../webhooks/schemas";

// SQL for contacts, and nothing else. Every query names the workspace.

export interface ContactFilter {
  workspaceId: string;
  chatbotId?: string;
  search?: string;
  /** Created at or after (ISO 8601 UTC, as stored). */
  createdFrom?: string;
  /** Created before. */
  createdBefore?: string;
  hasEmail?: boolean;
  hasPhone?: boolean;
  metadata?: MetadataFilter;
}

/** Whether a filter has more than the workspace, chatbot and search: the kept counts cannot answer it. */
const hasFieldFilters = (filter: ContactFilter) =>
  filter.createdFrom !== undefined || filter.createdBefore !== undefined || filter.hasEmail !== undefined || filter.hasPhone !== undefined || filter.metadata !== undefined;

export interface ContactPage {
  sortBy: ContactSortField;
  sortOrder: SortOrder;
  limit: number;
  offset: number;
}

/** What a sort orders by before the id: the creation time, or a folded key and then the stored text. */
const SORT_COLUMNS = {
  createdAt: ["created_at"],
  name: ["name_sort_key", "name"],
  email: ["email_sort_key", "email"],
} as const satisfies Record<ContactSortField, readonly (keyof ContactRow)[]>;

/** Where a page starts: after the contact with these sort values (lib/contacts/list-cursor.ts). */
export interface SortPosition {
  /** The values of SORT_COLUMNS[sortBy], null for a contact without the sorted field. */
  values: readonly (string | null)[];
  id: string;
}

function filtered(store: QueryScope, filter: ContactFilter, plan: SearchPlan): SelectQueryBuilder<Database, "contacts", object> {
  let query = store.db.selectFrom("contacts").where("contacts.workspace_id", "=", filter.workspaceId);
  if (filter.chatbotId !== undefined) query = query.where("contacts.chatbot_id", "=", filter.chatbotId);
  const { search } = filter;
  if (search) query = query.where(store.dialect.contactSearch.condition(filter.workspaceId, search, plan, { besideMetadataFilter: filter.metadata !== undefined }));
  if (filter.createdFrom !== undefined) query = query.where("contacts.created_at", ">=", filter.createdFrom);
  if (filter.createdBefore !== undefined) query = query.where("contacts.created_at", "<", filter.createdBefore);
  // By its sort key (null exactly when the email is), which the email sort indexes lead with.
  if (filter.hasEmail !== undefined) query = query.where(withSortValue(store, "email", filter.hasEmail));
  if (filter.hasPhone !== undefined) query = query.where("contacts.phone", filter.hasPhone ? "is not" : "is", null);
  if (filter.metadata) query = query.where(metadataCondition(filter.workspaceId, filter.metadata));
  return query;
}

/** `matches` is how many contacts the filter matches, when counted already: it picks the plan. */
export async function listContacts(store: Store, filter: ContactFilter, page: ContactPage, matches?: number): Promise<ContactPageRow[]> {
  const plan = pagePlan(store, filter, page, matches);
  // A search or metadata condition is written from its term; every other page is one of a few shapes.
  if (filter.search !== undefined || filter.metadata !== undefined) return contactPageOfPlan(store, filter, page, plan).execute();
  const shape = { filter, page, plan };
  const key = [page.sortBy, page.sortOrder, page.limit, ...FIELD_FILTERS.map((name) => String(filter[name] !== undefined)), filter.hasEmail, filter.hasPhone, plan.few, plan.keysFirst].join();
  const { workspaceId, chatbotId, createdFrom, createdBefore } = filter;
  return contactPageOfShape(store, key, shape, { workspaceId, chatbotId, createdFrom, createdBefore, offset: page.offset });
}

/** The filters given as values (the booleans shape the SQL itself). */
const FIELD_FILTERS = ["chatbotId", "createdFrom", "createdBefore"] as const;

type PageValues = Pick<ContactFilter, "workspaceId" | (typeof FIELD_FILTERS)[number]> & { offset: number };

const contactPageOfShape = preparedQueryByShape<{ filter: ContactFilter; page: ContactPage; plan: PagePlan }, PageValues, ContactPageRow>(
  (db, value, dialect, { filter, page, plan }) => {
    const given = (name: (typeof FIELD_FILTERS)[number]) => (filter[name] === undefined ? undefined : value(name));
    const asValues = { ...filter, workspaceId: value("workspaceId"), chatbotId: given("chatbotId"), createdFrom: given("createdFrom"), createdBefore: given("createdBefore") };
    return contactPageOfPlan({ db, dialect }, asValues, { ...page, offset: value("offset") }, plan);
  },
);

/** A contact of a page, as the JSON text of the API's contact. */
export interface ContactPageRow {
  json: JsonText<Contact>;
}

const pageRow = (store: QueryScope) => contactJsonColumn(store.dialect).as("json");

/** How a page is fetched: sorting the few matches of a filter, or walking a sort index (PostgreSQL: the page's ids first). */
interface PagePlan {
  few: boolean;
  keysFirst: boolean;
}

/** One page of contacts as a query, not yet run (the storage tests read its plan). */
export function contactPageQuery(store: Store, filter: ContactFilter, page: ContactPage, matches?: number) {
  return contactPageOfPlan(store, filter, page, pagePlan(store, filter, page, matches));
}

function pagePlan(store: Store, filter: ContactFilter, page: ContactPage, matches: number | undefined): PagePlan {
  return { few: fewMatches(store, filter, matches), keysFirst: store.dialect.contactSearch.pageKeysFirst(page.offset) };
}

function contactPageOfPlan(store: QueryScope, filter: ContactFilter, page: ContactPage, plan: PagePlan) {
  if (plan.few) {
    return sortedAfterMatching(filtered(store, filter, "few").select(pageRow(store)), page).limit(literalLimit(page.limit)).offset(page.offset);
  }
  if (!plan.keysFirst) {
    return inSortOrder(store, filtered(store, filter, "many").select(pageRow(store)), page).limit(literalLimit(page.limit)).offset(page.offset);
  }
  const pageIds = inSortOrder(store, filtered(store, filter, "many").select("contacts.id"), page).limit(literalLimit(page.limit)).offset(page.offset);
  const pageRows = store.db.selectFrom("contacts").select(pageRow(store)).where("contacts.workspace_id", "=", filter.workspaceId).where("contacts.id", "in", pageIds);
  return inSortOrder(store, pageRows, page);
}

type SortOrdering = Pick<ContactPage, "sortBy" | "sortOrder">;

const sortsByText = (sortBy: ContactSortField) => sortBy !== "createdAt";
const missingValue = (sortBy: ContactSortField) => sql<boolean>`(${sql.ref(`contacts.${SORT_COLUMNS[sortBy][0]}`)} is null)`;

/** Contacts with (or without) the sorted value, in the form the sort indexes lead with. */
function withSortValue(store: QueryScope, sortBy: ContactSortField, present: boolean) {
  return present ? store.dialect.indexedIsFalse(missingValue(sortBy)) : sql<SqlBool>`${missingValue(sortBy)} = ${sql.lit(true)}`;
}

/**
 * Whether to fetch a filter's matches and sort them, rather than walk a sort index until a page is
 * full: when a search or field filter matches few contacts (walking would pass most of the workspace).
 */
function fewMatches(store: Store, filter: ContactFilter, matches: number | undefined): boolean {
  return (filter.search !== undefined || hasFieldFilters(filter)) && matches !== undefined && store.dialect.contactSearch.fewMatches(matches);
}

/** A sort column as its index holds it: text in byte order (StorageDialect.byteOrder); timestamps are ASCII already. */
function indexed(store: QueryScope, column: string) {
  return column === "created_at" ? sql.ref(`contacts.${column}`) : store.dialect.byteOrder(`contacts.${column}`);
}

function inSortOrder<O>(store: QueryScope, query: SelectQueryBuilder<Database, "contacts", O>, { sortBy, sortOrder }: SortOrdering) {
  // Contacts without the value come last in both directions; the sort indexes lead with the same expression.
  if (sortsByText(sortBy)) query = query.orderBy(missingValue(sortBy));
  for (const column of SORT_COLUMNS[sortBy]) query = query.orderBy(indexed(store, column), sortOrder);
  return query.orderBy(indexed(store, "id"), sortOrder);
}

/** Sorts the matches themselves instead of walking a sort index: the plan for a filter with few matches. */
function sortedAfterMatching<O>(query: SelectQueryBuilder<Database, "contacts", O>, { sortBy, sortOrder }: SortOrdering) {
  if (sortsByText(sortBy)) query = query.orderBy(missingValue(sortBy));
  for (const column of SORT_COLUMNS[sortBy]) query = query.orderBy(unindexedSortKey(column), sortOrder);
  return query.orderBy(sql`contacts.id`, sortOrder);
}

/**
 * The page after `position` (a cursor): the same order, started by a range condition on the sort
 * index (keyset), so a page deep in the list costs what the first page costs. The range covers
 * contacts with the sorted value or those without it, never both: a page that runs out of the
 * first continues with the second in a second statement.
 */
export async function listContactsAfter(store: Store, filter: ContactFilter, page: ContactPage, position: SortPosition, matches?: number): Promise<ContactPageRow[]> {
  const missing = sortsByText(page.sortBy) && position.values[0] === null;
  const rows = await contactPageAfterQuery(store, filter, page, { position, missing }, matches).execute();
  if (rows.length < page.limit && sortsByText(page.sortBy) && !missing) {
    rows.push(...(await contactPageAfterQuery(store, filter, { ...page, limit: page.limit - rows.length }, { missing: true }, matches).execute()));
  }
  return rows;
}

/** Where a keyset page starts: after `position` (or at the start), among contacts with the sorted value or, `missing`, without it. */
export interface KeysetStart {
  position?: SortPosition;
  missing: boolean;
}

/** A page by keyset as a query, not yet run (the storage tests read its plan). */
export function contactPageAfterQuery(store: Store, filter: ContactFilter, page: ContactPage, { position, missing }: KeysetStart, matches?: number) {
  const few = fewMatches(store, filter, matches);
  let query = filtered(store, filter, few ? "few" : "many").select(pageRow(store));
  const direction = page.sortOrder === "asc" ? ">" : "<";
  const columns = SORT_COLUMNS[page.sortBy];
  // The few matches of a search are sorted, not walked: no index may serve the range or the order either.
  const key = (column: string) => (few ? unindexedSortKey(column) : indexed(store, column));
  if (missing) {
    query = query.where(withSortValue(store, page.sortBy, false));
    // The sort columns are all null here; said so, the index serves the order (by id, in effect).
    if (!few) for (const column of columns) query = query.where(`contacts.${column}`, "is", null);
    if (position) query = query.where(key("id"), direction, position.id);
  } else {
    if (sortsByText(page.sortBy)) query = query.where(withSortValue(store, page.sortBy, true));
    if (position) {
      query = query.where(sql<boolean>`(${sql.join([...columns, "id"].map(key))}) ${sql.raw(direction)} (${sql.join([...position.values, position.id])})`);
    }
  }
  // Without the leading `(x is null)`, fixed by the condition above: with it, SQLite would sort.
  for (const column of columns) query = query.orderBy(key(column), page.sortOrder);
  return query.orderBy(key("id"), page.sortOrder).limit(literalLimit(page.limit));
}

export async function countContacts(store: Store, filter: ContactFilter): Promise<number> {
  if (!filter.search && !hasFieldFilters(filter)) return countedContacts(store, filter.workspaceId, filter.chatbotId);
  if (filter.search && filter.chatbotId === undefined && !hasFieldFilters(filter)) {
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

/** A contact about to change: its version and metadata, and whether a webhook endpoint subscribes to the change's event. */
export type LockedContact = Pick<ContactRow, "updated_at" | "metadata"> & { subscribed: boolean };

// In a write transaction: PostgreSQL locks the row (FOR UPDATE); SQLite holds the write lock already.
// The subscription is asked here, in the same statement, instead of in one more before the commit.
const lockedContactVersionById = preparedQueryByShape<WebhookEventType, { workspaceId: string; contactId: string }, Pick<ContactRow, "updated_at" | "metadata"> & { subscribed: unknown }>(
  (db, value, dialect, eventType) =>
    dialect.forUpdate(
      db
        .selectFrom("contacts")
        .select(["updated_at", "metadata"])
        .select((eb) => eb.exists(endpointsSubscribedTo(db, value("workspaceId"), eventType).select("id")).as("subscribed"))
        .where("workspace_id", "=", value("workspaceId"))
        .where("id", "=", value("contactId")),
    ),
);

/** The contact about to change, locked until the write transaction ends, with the subscription to `eventType`; undefined when absent. */
export async function lockedContactVersion(tx: Store, workspaceId: string, contactId: string, eventType: WebhookEventType): Promise<LockedContact | undefined> {
  const [row] = await lockedContactVersionById(tx, eventType, eventType, { workspaceId, contactId });
  // SQLite answers 0 or 1, PostgreSQL a boolean.
  return row && { updated_at: row.updated_at, metadata: row.metadata, subscribed: Boolean(row.subscribed) };
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

/** Every path that adds contacts gives them their sort keys here. */
function withSortKeys(row: NewContactRow): NewContactRow {
  return { ...row, name_sort_key: sortKeyOf(row.name ?? null), email_sort_key: sortKeyOf(row.email ?? null) };
}

/** The columns written of each new contact (`seq` is numbered by the database). */
const NEW_CONTACT_COLUMNS = [
  "workspace_id",
  "id",
  "chatbot_id",
  "name",
  "email",
  "phone",
  "metadata",
  "created_at",
  "updated_at",
  "name_sort_key",
  "email_sort_key",
] as const satisfies readonly (keyof NewContactRow)[];

/** New contacts as they are written: rows with their sort keys, and their metadata's index rows, as tuples (lib/db/row-tuples.ts). */
export interface InsertableContacts {
  rows: RowTuples<NewContactRow>;
  metadata: RowTuples<ContactMetadataRow>;
}

/**
 * Needs no database: an import prepares its batches on a worker thread. `metadata`, each row's
 * metadata already parsed, spares reading it back from the rows' JSON text. Without
 * `metadataIndex`, the metadata's index rows are left out (a load the backend indexes itself).
 */
export function insertableContacts(
  rows: readonly NewContactRow[],
  metadata?: readonly Readonly<Metadata>[],
  { metadataIndex = true }: { metadataIndex?: boolean } = {},
): InsertableContacts {
  const metadataOf = (row: NewContactRow, i: number) => metadata?.[i] ?? (JSON.parse(row.metadata) as Metadata);
  return {
    rows: toRowTuples(rows.map(withSortKeys), NEW_CONTACT_COLUMNS),
    metadata: {
      columns: METADATA_INDEX_COLUMNS,
      values: metadataIndex ? rows.flatMap((row, i) => metadataIndexTuples(row.workspace_id, row.id, metadataOf(row, i))) : [],
    },
  };
}

/** Inserts rows as given, indexed for search and counted. Run it in a write transaction. */
export async function insertContacts(store: Store, rows: readonly NewContactRow[]): Promise<void> {
  await insertInsertableContacts(store, insertableContacts(rows));
}

/** The workspace and chatbot of each of `rows`, as the contact counts take them. */
function chatbotsOf(rows: RowTuples<NewContactRow>): { workspace_id: string; chatbot_id: string }[] {
  const workspace = rows.columns.indexOf("workspace_id");
  const chatbot = rows.columns.indexOf("chatbot_id");
  return rows.values.map((tuple) => ({ workspace_id: tuple[workspace] as string, chatbot_id: tuple[chatbot] as string }));
}

/** insertContacts, for contacts insertableContacts has prepared. */
export async function insertInsertableContacts(store: Store, { rows, metadata }: InsertableContacts): Promise<void> {
  await store.dialect.contactSearch.insertSearchableContacts(store.db, rows);
  await store.dialect.contactMetadata.insertOfNewContacts(store, metadata);
  await addToContactCounts(store, chatbotsOf(rows));
}

/**
 * insertInsertableContacts inside a bulk load into tables that were empty when it began
 * (lib/db/bulk-load.ts). Where the backend indexes the loaded contacts' metadata itself,
 * `metadata` need not be given.
 */
export async function insertContactsIntoEmptyTables(store: Store, { rows, metadata }: InsertableContacts): Promise<void> {
  const { contactSearch, indexMetadataOfInsertedContacts } = store.dialect;
  if (indexMetadataOfInsertedContacts) {
    await contactSearch.insertContactsIntoEmptyTables(store.db, rows, (rowids) => indexMetadataOfInsertedContacts(store.db, rowids));
  } else {
    await contactSearch.insertContactsIntoEmptyTables(store.db, rows);
    await store.dialect.contactMetadata.insertOfNewContacts(store, metadata);
  }
  await addToContactCounts(store, chatbotsOf(rows));
}

/** Whether a load into empty tables must bring its contacts' metadata index entries (insertableContacts' `metadataIndex`). */
export function loadedContactsNeedMetadataIndexRows(store: Store): boolean {
  return !store.dialect.indexMetadataOfInsertedContacts;
}

type ContactChanges = Partial<Pick<ContactRow, TextColumn | SortKeyColumn | "metadata" | "updated_at">>;

// Compiled once per set of changed columns: a PATCH changes one of a few sets.
const contactUpdate = preparedQueryByShape<(keyof ContactChanges)[], ContactChanges & { workspaceId: string; contactId: string }, StoredContact>(
  (db, value, _dialect, columns) =>
    db
      .updateTable("contacts")
      .set(Object.fromEntries(columns.map((column) => [column, value(column)])))
      .where("workspace_id", "=", value("workspaceId"))
      .where("id", "=", value("contactId"))
      .returning(CONTACT_COLUMNS),
);

/**
 * Applies `changes`; returns the contact as updated (read back by the same statement), or undefined
 * when absent. `metadataChange` (the metadata before, the keys the change named) spares rewriting the unchanged keys' index entries.
 */
export async function updateContactRow(
  store: Store,
  workspaceId: string,
  contactId: string,
  changes: ContactChanges,
  metadataChange?: MetadataChange,
): Promise<StoredContact | undefined> {
  const columns = (Object.keys(changes) as (keyof ContactChanges)[]).filter((column) => changes[column] !== undefined).sort();
  const [updated] = await contactUpdate(store, columns.join(), columns, { ...changes, workspaceId, contactId });
  if (updated && changes.metadata !== undefined) await reindexMetadata(store, { workspace_id: workspaceId, ...updated }, metadataChange);
  return updated;
}

/** Deletes a contact; its conversations stay in the workspace with no contact. The contact as it was, or undefined when absent. */
export async function deleteContactRow(store: Store, workspaceId: string, contactId: string): Promise<StoredContact | undefined> {
  await store.db
    .updateTable("conversations")
    .set({ contact_id: null })
    .where("workspace_id", "=", workspaceId)
    .where("contact_id", "=", contactId)
    .execute();
  // While the contact is there: SQLite finds its metadata's entries by its row (lib/contacts/metadata-index/).
  await forgetMetadata(store, workspaceId, contactId);
  const deleted = await store.db
    .deleteFrom("contacts")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contactId)
    .returning(CONTACT_COLUMNS)
    .executeTakeFirst();
  if (deleted) await subtractFromContactCount(store, workspaceId, deleted.chatbot_id);
  return deleted;
}
