import { timingSafeEqual } from "node:crypto";
import { hashApiKey } from "./secret";

const STORED_HASH_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Whether `candidate` is the key stored as `storedHash`. Compares the two SHA-256 digests in
 * constant time, so how long it takes says nothing about how much of a guess was right; a stored
 * hash of any other shape never matches (timingSafeEqual would throw on unequal lengths).
 */
export function apiKeyMatchesHash(candidate: string, storedHash: string): boolean {
  return hashesMatch(hashApiKey(candidate), storedHash);
}

/** `apiKeyMatchesHash` for a candidate already hashed with `hashApiKey`. */
export function hashesMatch(candidateHash: string, storedHash: string): boolean {
  if (!STORED_HASH_PATTERN.test(storedHash)) return false;
  return timingSafeEqual(Buffer.from(candidateHash, "hex"), Buffer.from(storedHash, "hex"));
}
