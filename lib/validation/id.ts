import { z } from "zod";

/**
 * Ids are a prefix and 20 random characters (lib/ids.ts, 25–28 in all); the product document's
 * example records are shorter. The bound leaves room for longer ones.
 */
export const ID_MAX_LENGTH = 64;

/** An id in an answer. */
export const idSchema = z.string().max(ID_MAX_LENGTH);

/**
 * An id that names a record to look up (a path parameter, a filter). Longer ones are documented
 * as out of bounds but not refused: no record has one, so the answer is the contract's 404 or
 * empty list, as for any unknown id.
 */
export const lookupIdMeta = { maxLength: ID_MAX_LENGTH };
