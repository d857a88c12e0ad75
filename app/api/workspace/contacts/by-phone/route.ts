import { validationError } from "@/lib/api/errors";
import { staffRoute } from "@/lib/api/handler";
import { success } from "@/lib/api/respond";
import { toContact } from "@/lib/contacts/contact-row";
import { findContactsByPhoneDigits } from "@/lib/contacts/phone-lookup";

// GET /api/workspace/contacts/by-phone?digits=… — the command palette's phone lookup (the public
// search matches only name and email). Up to 8 of the staff member's workspace's contacts.

const DIGITS = /^[0-9]{3,15}$/;

export const GET = staffRoute(async ({ request, principal, store }) => {
  const digits = new URL(request.url).searchParams.get("digits") ?? "";
  if (!DIGITS.test(digits)) throw validationError({ digits: "Give 3 to 15 digits" });
  const rows = await findContactsByPhoneDigits(store, principal.workspaceId, digits);
  return success({ contacts: rows.map(toContact) });
});
