import { z } from "zod";

// Conditional requests (RFC 9110 §13, CONTRACT.md "Conditional requests"): the request headers, and
// how an entity tag is compared with them. No server imports: the dashboard reads them too.

const TAG_LIST_MAX_LENGTH = 2048;

const tagList = (description: string) =>
  z.string().max(TAG_LIST_MAX_LENGTH, `Must be at most ${TAG_LIST_MAX_LENGTH} characters`).optional().meta({ description });

export const ifMatchHeaderSchema = z.object({
  "If-Match": tagList("Change the contact only if it is still this version: its `ETag` (or `*`: any existing version). Otherwise 412 `precondition_failed` and nothing changes."),
});

export const ifNoneMatchHeaderSchema = z.object({
  "If-None-Match": tagList("The `ETag` of a copy the client has: 304 with no body while the contact is still that version."),
});

/** The tags of an `If-Match` / `If-None-Match` value (`*` alone, or a comma-separated list of quoted tags, weak or not). */
function tagsOf(header: string): string[] {
  return header
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

const opaque = (tag: string) => tag.replace(/^W\//, "");

/** `If-Match`: strong comparison, so a weak tag never matches; `*` matches any current version. */
export function ifMatchAccepts(header: string, etag: string): boolean {
  return tagsOf(header).some((tag) => tag === "*" || tag === etag);
}

/** `If-None-Match`: weak comparison; `*` matches any current version. True when the client's copy is current. */
export function ifNoneMatchMatches(header: string, etag: string): boolean {
  return tagsOf(header).some((tag) => tag === "*" || opaque(tag) === opaque(etag));
}
