import { STORABLE_TEXT_MESSAGE } from "../validation/text";
import { NAME_MAX_LENGTH, PHONE_MAX_LENGTH, type ContactTextField } from "./schemas";

// The API's messages are written for developers ("…, or null"); the dashboard's form says the same
// rule in a support agent's words. The schemas stay shared; only the wording is the form's.

const AGENT_MESSAGES: Record<ContactTextField, string> = {
  name: `Enter a name of up to ${NAME_MAX_LENGTH} characters`,
  email: "Enter an email address like name@example.com",
  phone: `Enter a phone number with at least 5 digits, using only digits, spaces and + - ( ) . (up to ${PHONE_MAX_LENGTH} characters)`,
};

const UNSTORABLE_TEXT = "Remove the invisible NUL character; it cannot be saved";

/** What the form shows for an API schema's message about one of the contact's text fields. */
export function agentMessage(field: ContactTextField, apiMessage: string): string {
  return apiMessage === STORABLE_TEXT_MESSAGE ? UNSTORABLE_TEXT : AGENT_MESSAGES[field];
}
