import { hash } from "node:crypto";

/**
 * A contact's strong ETag: a digest of its id and `updated_at`, which moves forward on every
 * accepted change (lib/time.ts nextTimestamp), so the tag changes whenever the contact does. It
 * names the contact's own fields: a conversation started or continued leaves it as it is.
 */
export function contactETag(contact: { id: string; updated_at: string }): string {
  return `"${hash("sha256", `${contact.id}\n${contact.updated_at}`, "base64url").slice(0, 27)}"`;
}
