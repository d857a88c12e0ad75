import { sql } from "kysely";
import type { Db } from "../../db/client";
import { escapeLikePattern } from "./like-matches";

// How many of a workspace's contacts a search matches, from contact_search, where a contact's folded
// name and email are its rest (name, line feed, email up to its last `@`) followed by its domain
// (migration 20261206000000_postgres_contact_search_domains). A term without `@` lies in the rest or
// in the domain, never across: the domain's contacts are counted at once in contact_search_domains,
// and only contacts whose rest holds the term, and whose domain does not, are counted row by row.

/** `x ilike p` in a UTF-8 database is `lower(x) like lower(p)`; contact_search stores lower(x). */
const like = (column: string, pattern: string) => sql<boolean>`${sql.ref(column)} like lower(${pattern}) escape '\\'`;

/** Contacts whose domain matches `domainPattern`, plus the others whose rest contains the term. */
function countByDomain(workspaceId: string, domainPattern: string, restPattern: string) {
  return sql<{ total: string }>`select
    (select coalesce(sum(contacts), 0) from contact_search_domains
      where workspace_id = ${workspaceId} and ${like("folded_domain", domainPattern)})
    + (select count(*) from contact_search
      where workspace_id = ${workspaceId} and ${like("folded_rest", restPattern)}
        and (folded_domain is null or not ${like("folded_domain", domainPattern)})) as total`;
}

/** `before@after` lies in the rest, or ends the rest with `before@` and starts the domain with `after`. */
function countAcrossAt(workspaceId: string, term: string, at: number) {
  const [before, after] = [term.slice(0, at), term.slice(at + 1)].map(escapeLikePattern);
  return sql<{ total: string }>`select count(*) as total from contact_search
    where workspace_id = ${workspaceId} and (${like("folded_rest", `%${escapeLikePattern(term)}%`)}
      or (${like("folded_rest", `%${before}@`)} and ${like("folded_domain", `${after}%`)}))`;
}

/** The count as a query, not yet run (the tests read its plan); undefined for a term with a line feed, which contact_search cannot tell from the one between name and email. */
export function searchCountQuery(workspaceId: string, term: string) {
  if (term.includes("\n")) return undefined;
  const inRest = `%${escapeLikePattern(term)}%`;
  const at = term.lastIndexOf("@");
  if (at === -1) return countByDomain(workspaceId, inRest, inRest);
  // `@after` matches every contact whose domain starts with `after` (its rest ends with `@`).
  if (at === 0) return countByDomain(workspaceId, `${escapeLikePattern(term.slice(1))}%`, inRest);
  return countAcrossAt(workspaceId, term, at);
}

export async function countSearchMatches(db: Db, workspaceId: string, term: string): Promise<number | undefined> {
  const query = searchCountQuery(workspaceId, term);
  if (!query) return undefined;
  const { rows } = await query.execute(db);
  return Number(rows[0]!.total);
}
