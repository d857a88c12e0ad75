import { createHmac, createSecretKey, hash, timingSafeEqual, type KeyObject } from "node:crypto";
import { authSecret } from "../auth/secret";
import { InvalidInputError } from "../errors";
import type { ContactFilter, SortPosition } from "./repository";
import type { Contact, ContactSortField, SortOrder } from "./schemas";
import { sortKeyOf } from "./sort-key";

// A cursor names the last contact of a page by its sort values and id (a keyset position, not an
// offset), and the listing it belongs to. It is signed, so a client can pass it back but not make
// one up or alter it: `<payload>.<signature>`, both base64url.

/** The listing a cursor belongs to: another workspace, filter or sort cannot use it. */
export interface CursorScope {
  filter: ContactFilter;
  sortBy: ContactSortField;
  sortOrder: SortOrder;
}

const FORMAT = 1;
const SIGNATURE_LENGTH = 22; // 128 bits of HMAC-SHA256, base64url

let signingKey: KeyObject | undefined;
// Derived from the secret that signs staff sessions, which every process of a deployment shares.
const key = () => (signingKey ??= createSecretKey(createHmac("sha256", authSecret()).update("nexvio contact list cursor").digest()));

const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url").slice(0, SIGNATURE_LENGTH);

function scopeDigest({ filter, sortBy, sortOrder }: CursorScope): string {
  // Every filter, in a fixed order (absent ones as null): a cursor of one listing never serves another.
  const { workspaceId, chatbotId, search, createdFrom, createdBefore, hasEmail, hasPhone, metadata } = filter;
  const listing = [workspaceId, sortBy, sortOrder, search, chatbotId, createdFrom, createdBefore, hasEmail, hasPhone, metadata?.key, metadata?.match, metadata?.value];
  return hash("sha256", JSON.stringify(listing.map((part) => part ?? null)), "base64url").slice(0, 16);
}

/** The cursor of the page after `contact`: its sorted value and id, signed. */
export function cursorAfter(contact: Contact, scope: CursorScope): string {
  const payload = Buffer.from(JSON.stringify([FORMAT, scopeDigest(scope), contact[scope.sortBy], contact.id])).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

const invalid = (message: string) => new InvalidInputError({ cursor: message });

/** The position a cursor of this listing names; a validation error on `cursor` for anything else. */
export function positionOf(cursor: string, scope: CursorScope): SortPosition {
  const [payload, signature, ...rest] = cursor.split(".");
  const expected = payload ? sign(payload) : "";
  if (rest.length > 0 || !signature || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
    throw invalid("Must be the nextCursor of a previous page, unchanged");
  }
  const [format, digest, value, id] = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as unknown[];
  if (format !== FORMAT || typeof id !== "string" || !(typeof value === "string" || value === null)) {
    throw invalid("Must be the nextCursor of a previous page, unchanged");
  }
  if (digest !== scopeDigest(scope)) {
    throw invalid("Was made for another listing: give the same filters, sortBy and sortOrder as the page it came from");
  }
  return { values: scope.sortBy === "createdAt" ? [value] : [sortKeyOf(value), value], id };
}
