import { hash } from "node:crypto";
import { customAlphabet } from "nanoid";
import { BASE62 } from "../ids";

export const API_KEY_PREFIX = "nxv_";
const API_KEY_RANDOM_LENGTH = 40; // 40 base62 characters ≈ 238 bits of entropy
const randomKeyBody = customAlphabet(BASE62, API_KEY_RANDOM_LENGTH);
const API_KEY_PATTERN = /^nxv_[0-9A-Za-z]{32,128}$/;

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomKeyBody();
}

export function isWellFormedApiKey(candidate: string): boolean {
  return API_KEY_PATTERN.test(candidate);
}

/** Keys are stored only as this hash; the plaintext is shown once, at creation. */
export function hashApiKey(key: string): string {
  // The one-shot form: a third of createHash().update().digest()'s cost, on every request.
  return hash("sha256", key, "hex");
}

/** What a person may see of a key later, to recognise it: `nxv_` and the first 6 characters. */
export function displayPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}
