import type { UseFormReturn } from "react-hook-form";
import type { ContactFormValues } from "@/lib/contacts/form-schema";
import { agentMessage } from "@/lib/contacts/form-messages";
import { contactTextFieldNames, type ContactTextField } from "@/lib/contacts/schemas";
import type { ErrorDetails } from "@/lib/http/api-fetch";

const FORM_FIELDS = new Set(["chatbotId", ...contactTextFieldNames]);
const TEXT_FIELDS = new Set<string>(contactTextFieldNames);

/**
 * Puts the API's `validation_error.details` on the matching fields: `email` on the email input,
 * `metadata.plan` on the value of the row whose key is `plan`. Returns messages with no field.
 */
export function applyServerErrors(form: UseFormReturn<ContactFormValues>, details: ErrorDetails): string[] {
  const unplaced: string[] = [];
  const rows = form.getValues("metadata");
  for (const [field, message] of Object.entries(details)) {
    if (FORM_FIELDS.has(field)) {
      const shown = TEXT_FIELDS.has(field) ? agentMessage(field as ContactTextField, message) : message;
      form.setError(field as "name", { type: "server", message: shown }, { shouldFocus: true });
    } else if (field.startsWith("metadata.")) {
      const index = rows.findIndex((row) => row.key === field.slice("metadata.".length));
      if (index >= 0) form.setError(`metadata.${index}.value`, { type: "server", message }, { shouldFocus: true });
      else unplaced.push(message);
    } else if (field === "metadata") {
      form.setError("metadata", { type: "server", message });
    } else {
      unplaced.push(message);
    }
  }
  return unplaced;
}
