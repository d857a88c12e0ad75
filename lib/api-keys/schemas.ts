import { z } from "zod";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation/text";

// The API key concept as the dashboard sees it: the route handlers and the create form both use
// these schemas. No server imports here.

export const API_KEY_NAME_MAX_LENGTH = 100;

export const createApiKeySchema = z.strictObject({
  name: z
    .string({ error: "Enter a name for the key" })
    .trim()
    .min(1, "Enter a name for the key")
    .max(API_KEY_NAME_MAX_LENGTH, `Use at most ${API_KEY_NAME_MAX_LENGTH} characters`)
    .refine(isStorableText, STORABLE_TEXT_MESSAGE),
});

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

/** A key as the dashboard lists it: never the secret, never its hash. */
export interface ApiKey {
  id: string;
  name: string;
  /** `nxv_` and the first characters of the key, to recognise it by. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The answer to a create: the only time the plaintext key leaves the server. */
export interface CreatedApiKey {
  apiKey: ApiKey;
  key: string;
}
