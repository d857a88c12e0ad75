import type { z } from "zod";
import type { FieldErrors } from "../errors";

// zod's issues as the contract's `details`: dotted field path → the first message for it. Used by
// the API's validation and by imports, which report rejected rows the same way.

const READ_ONLY_FIELDS: Record<string, string> = {
  id: "Is assigned by the server and cannot be set",
  createdAt: "Is set by the server and cannot be changed",
  updatedAt: "Is set by the server and cannot be changed",
  conversations: "Is read-only",
};

/** The longest field path `details` names; a longer one (a 100 KB metadata key) is cut, ending in "…". */
export const DETAIL_FIELD_MAX_LENGTH = 300;

const boundedField = (field: string) =>
  field.length <= DETAIL_FIELD_MAX_LENGTH ? field : `${field.slice(0, DETAIL_FIELD_MAX_LENGTH - 1)}…`;

// A field named `constructor` or `__proto__` must not find Object.prototype's members in these tables.
function ownMessage(messages: Record<string, string>, field: string): string | undefined {
  return Object.hasOwn(messages, field) ? messages[field] : undefined;
}

/** Turns zod issues into the contract's `details`: dotted field path → first message for it. */
export function issuesToDetails(issues: readonly z.core.$ZodIssue[], unknownFieldMessages: Record<string, string> = {}): FieldErrors {
  // No prototype: a field named `__proto__` is then an ordinary key.
  const details: FieldErrors = Object.create(null);
  const add = (path: string, message: string) => {
    const field = boundedField(path);
    if (!(field in details)) details[field] = message;
  };
  for (const issue of issues) {
    const prefix = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = prefix ? `${prefix}.${key}` : key;
        add(field, ownMessage(unknownFieldMessages, key) ?? ownMessage(READ_ONLY_FIELDS, key) ?? "Unknown field");
      }
    } else {
      add(prefix || "body", issue.message);
    }
  }
  return details;
}
