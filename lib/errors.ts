// The errors the domain modules throw. They say what went wrong in the domain's words and know
// nothing of HTTP: lib/api/errors.ts maps them to the contract's codes and statuses at the edge.

/** Field (dotted for nested ones, `body` for the whole) → what is wrong with it. */
export type FieldErrors = Record<string, string>;

/** The thing asked for does not exist for this caller (absent, deleted, or another workspace's). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** The input breaks a rule that only the domain can check (a chatbot of another workspace, a key limit after merging). */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(
    readonly fields: FieldErrors,
    message = "Invalid request data",
  ) {
    super(message);
  }
}

/** The caller may see the thing but not change it (another staff member's shared view). */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}

/** The thing changed since the version the caller named (If-Match): nothing was done. */
export class StaleVersionError extends Error {
  override name = "StaleVersionError";
}

export const contactNotFound = () => new NotFoundError("Contact not found");
