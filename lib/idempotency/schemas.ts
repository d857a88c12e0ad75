import { z } from "zod";

// The `Idempotency-Key` request header, once: the API checks it with this schema and the OpenAPI
// document describes it from it. No server imports here.

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
export const IDEMPOTENCY_KEY_MESSAGE = `Must be 1–${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters`;

export const idempotencyKeySchema = z
  .string()
  .min(1, IDEMPOTENCY_KEY_MESSAGE)
  .max(IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENCY_KEY_MESSAGE)
  .regex(/^[\x20-\x7e]*$/, IDEMPOTENCY_KEY_MESSAGE)
  .meta({
    description:
      "Makes the request safe to retry: its first answer (status, body, `ETag`, `Location`) is kept for 24 hours for your API key, and a retry with the same key, method, path and body gets it again with `Idempotent-Replayed: true`, changing nothing. The same key with another method, path or body is a 422 (`idempotency_key_reused`); while the first request still runs, a 409 (`idempotency_key_in_use`, retry after `Retry-After`). 5xx, 401 and 429 answers are not kept. A random UUID per operation is a good key.",
    example: "5f0c6c0e-8d1a-4f4e-9a53-2d8f6f1f7a11",
  });
