import type { Generated, Insertable, Selectable } from "kysely";

// Table types, declared once. Timestamps are ISO 8601 UTC strings with milliseconds
// (`2026-11-28T15:17:26.123Z`), which sort correctly as text in both dialects.
// Every tenant table carries workspace_id and is keyed by (workspace_id, id).

export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: string;
}

export interface ChatbotsTable {
  workspace_id: string;
  id: string;
  name: string;
  created_at: string;
}

export interface ApiKeysTable {
  workspace_id: string;
  id: string;
  name: string;
  key_prefix: string;
  key_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ContactsTable {
  /** SQLite only: the stable integer row id the full-text index points at. */
  seq: Generated<number>;
  workspace_id: string;
  id: string;
  chatbot_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** JSON object text. */
  metadata: string;
  created_at: string;
  updated_at: string;
  /** `name` folded for sorting (lib/contacts/sort-key.ts); null when name is. */
  name_sort_key: string | null;
  /** `email` folded for sorting; null when email is. */
  email_sort_key: string | null;
}

/** One key of a contact's metadata, its value folded (lib/contacts/metadata-repository.ts): what metadata filters read. */
export interface ContactMetadataTable {
  workspace_id: string;
  contact_id: string;
  key: string;
  folded_value: string;
}

export interface ContactCountsTable {
  workspace_id: string;
  chatbot_id: string;
  contacts: number;
}

export interface ConversationsTable {
  workspace_id: string;
  id: string;
  chatbot_id: string;
  contact_id: string | null;
  started_at: string;
  last_message_at: string;
  message_count: number;
  summary: string | null;
}

/** An `Idempotency-Key` of one caller (lib/idempotency): in flight while `status` is null, then its answer. */
export interface IdempotencyKeysTable {
  workspace_id: string;
  /** `key:<api key id>` or `staff:<user id>`. */
  caller: string;
  idempotency_key: string;
  method: string;
  path: string;
  /** SHA-256 of the request body (hex). */
  fingerprint: string;
  /** Random id of the request holding the key, so only it completes or releases it. */
  reservation: string;
  status: number | null;
  response_body: string | null;
  /** JSON object of the answer's kept headers (ETag, Location). */
  response_headers: string | null;
  created_at: string;
  expires_at: string;
}

/** better-auth's tables (lib/auth/server.ts); dates are Date on PostgreSQL, ISO text on SQLite. */
type AuthDate = Date | string;

export interface StaffUsersTable {
  id: string;
  workspace_id: string;
  name: string;
  email: string;
  email_verified: boolean | number;
  image: string | null;
  created_at: AuthDate;
  updated_at: AuthDate;
}

export interface StaffAccountsTable {
  id: string;
  user_id: string;
  account_id: string;
  provider_id: string;
  password: string | null;
  created_at: AuthDate;
  updated_at: AuthDate;
}

export interface StaffSessionsTable {
  id: string;
  user_id: string;
  token: string;
  expires_at: AuthDate;
  created_at: AuthDate;
  updated_at: AuthDate;
}

export interface WebhookEndpointsTable {
  workspace_id: string;
  id: string;
  url: string;
  description: string | null;
  /** JSON text of an array of event types. */
  events: string;
  /** 0 or 1 on both backends. */
  enabled: number;
  secret: string;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  /** The `webhook-id` header: the same on every attempt. */
  webhook_id: string;
  event_type: string;
  /** The exact body sent. */
  payload: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  /** Failed attempts since the delivery was (re)queued: picks the next delay of the retry schedule. */
  failures: number;
  /** When pending: when it is due, or when the lease of the worker sending it ends. */
  next_attempt_at: string | null;
  /** Which claim may record the attempt in flight. */
  claim_id: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
  created_at: string;
}

export interface WebhookAttemptsTable {
  delivery_id: string;
  number: number;
  attempted_at: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
}

export interface SavedViewsTable {
  workspace_id: string;
  id: string;
  /** The staff user who saved it; only they change or delete it. */
  owner_id: string;
  name: string;
  /** The contacts list's query string, without `?` and page (`search=ann&sort=name.asc`). */
  query: string;
  /** 1: listed for the whole workspace; 0: for its owner only. */
  shared: number;
  created_at: string;
  updated_at: string;
}

export interface StaffPreferencesTable {
  workspace_id: string;
  staff_user_id: string;
  /** Which preference (`contacts.columns`). */
  name: string;
  /** Its value, JSON. */
  value: string;
  updated_at: string;
}

export interface Database {
  workspaces: WorkspacesTable;
  chatbots: ChatbotsTable;
  api_keys: ApiKeysTable;
  contacts: ContactsTable;
  contact_counts: ContactCountsTable;
  contact_metadata: ContactMetadataTable;
  conversations: ConversationsTable;
  idempotency_keys: IdempotencyKeysTable;
  staff_users: StaffUsersTable;
  staff_accounts: StaffAccountsTable;
  staff_sessions: StaffSessionsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  saved_views: SavedViewsTable;
  staff_preferences: StaffPreferencesTable;
}

export type ContactRow = Selectable<ContactsTable>;
export type NewContactRow = Insertable<ContactsTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type NewConversationRow = Insertable<ConversationsTable>;
export type ContactMetadataRow = Selectable<ContactMetadataTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type ChatbotRow = Selectable<ChatbotsTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type SavedViewRow = Selectable<SavedViewsTable>;
export type WebhookAttemptRow = Selectable<WebhookAttemptsTable>;
