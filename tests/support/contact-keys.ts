// The keys a contact is answered with, for the tests that check a contact whole. Written out here,
// not read from lib/contacts/schemas.ts, so that those tests check the schema instead of repeating it.

/** The product document's example contact: every contact has at least these keys. */
const SEED_KEYS = ["id", "chatbotId", "name", "email", "phone", "metadata", "createdAt", "updatedAt"];

/** Fields added since the product document, as a contact that never set them is answered (null). */
export const ADDED_FIELDS_UNSET = {};

/** Every key of a contact, sorted. */
export const CONTACT_KEYS = [...SEED_KEYS, ...Object.keys(ADDED_FIELDS_UNSET)].sort();
