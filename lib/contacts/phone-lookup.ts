import { sql } from "kysely";
import type { Store } from "../db/client";
import { CONTACT_COLUMNS, type StoredContact } from "./contact-row";
import { literalLimit } from "../db/literal-limit";

export const PHONE_LOOKUP_LIMIT = 8;

/**
 * Up to 8 contacts of the workspace whose phone digits contain `digits` (only 0-9 reach here).
 * Cost: a substring match cannot use an index, so a rare or absent number reads every contact of
 * the workspace (the (workspace_id, id) key, then replace + LIKE per row); a common one stops at 8.
 * Measured once on SQLite, 100k contacts (80k with a phone), warm cache: ~1 ms for "555", ~150-180 ms
 * for digits matching nothing. Linear, so about 1.5-2 s per lookup at 1M contacts in one workspace:
 * too slow for typing there; the next step would be a digits column with a trigram index
 * (PostgreSQL pg_trgm) or an n-gram table.
 */
export async function findContactsByPhoneDigits(store: Store, workspaceId: string, digits: string): Promise<StoredContact[]> {
  const phoneDigits = sql<string>`replace(replace(replace(replace(replace(replace(phone, '+', ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', '')`;
  return store.db
    .selectFrom("contacts")
    .select(CONTACT_COLUMNS)
    .where("workspace_id", "=", workspaceId)
    .where("phone", "is not", null)
    .where(phoneDigits, "like", `%${digits}%`)
    .orderBy("id")
    .limit(literalLimit(PHONE_LOOKUP_LIMIT))
    .execute() as Promise<StoredContact[]>;
}
