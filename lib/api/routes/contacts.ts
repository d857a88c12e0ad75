import { z } from "zod";
import {
  contactIdParamsSchema,
  contactListSchema,
  contactSchema,
  contactWithConversationsSchema,
  createContactSchema,
  deletedContactSchema,
  listContactsQuerySchema,
  updateContactSchema,
  type Contact,
} from "../../contacts/schemas";
import { createContact, deleteContact, getContact, listContacts, updateContact } from "../../contacts/service";
import { jsonText } from "../../json-text";
import { ifMatchHeaderSchema, ifNoneMatchHeaderSchema, ifNoneMatchMatches } from "../../validation/entity-tags";
import { defineRoute } from "../route";

export const CONTACT_NOT_FOUND = "Contact absent, deleted, or in another workspace.";
const STALE_VERSION = "`If-Match` names a version the contact no longer has (`precondition_failed`): nothing changed.";

// GET /v1/contacts — list, filter, search and sort the workspace's contacts
export const listContactsRoute = defineRoute({
  method: "get",
  path: "/v1/contacts",
  operationId: "listContacts",
  summary: "List contacts",
  description:
    "A page of the workspace's contacts, newest first unless sorted otherwise. `search` matches a case-insensitive substring of the name or email; `chatbotId` keeps one chatbot's contacts; `createdFrom`/`createdBefore`, `hasEmail`/`hasPhone` and one metadata condition (`metadataKey`, `metadataMatch`, `metadataValue`) narrow it further, all together. `name` and `email` sort the way people read them: case- and accent-insensitively (the text after Unicode NFKD, without combining marks, lower-cased), values that fold alike by the stored text. Contacts whose sort field is null come last in both orders and ties are broken by id, so pages never overlap. `total` counts every match, ignoring `limit` and `offset`. Page with `offset`, or with `cursor`: pass the answer's `nextCursor` back for the next page (same filters and sort); a walk by cursor returns each contact that exists throughout it exactly once while others are added or deleted (sorted by `name` or `email`, a contact renamed during the walk moves with its new name). A known parameter given twice is a `validation_error`; unknown parameters are ignored.",
  tag: "Contacts",
  request: { query: listContactsQuerySchema },
  success: { status: 200, description: "A page of contacts and the total that match.", data: contactListSchema },
  errors: { validation_error: "Invalid query parameter, a known one given twice, or a `cursor` that is altered, of another listing, or given with `offset` (`validation_error`)." },
  handler: async ({ query, principal, store }) => ({ status: 200, data: await listContacts(store, principal.workspaceId, query) }),
});

// POST /v1/contacts — create a contact for one of the workspace's chatbots
export const createContactRoute = defineRoute({
  method: "post",
  path: "/v1/contacts",
  operationId: "createContact",
  summary: "Create a contact",
  description:
    "Creates a contact for one of the workspace's chatbots. Only `chatbotId` is required; `name`, `email` and `phone` left out are stored as null and `metadata` as `{}`. A field the schema does not name is a `validation_error` naming it. The answer's `Location` is the new contact's URL and its `ETag` the contact's version.",
  tag: "Contacts",
  request: { body: createContactSchema },
  success: { status: 201, description: "The contact as stored.", data: z.object({ contact: contactSchema }), headers: ["Location", "ETag"] },
  errors: {
    validation_error: "Invalid body or unknown field (`validation_error`).",
  },
  handler: async ({ body, principal, store }) => {
    const contact = await createContact(store, principal.workspaceId, body);
    const data = jsonText<{ contact: Contact }>(`{"contact":${contact.json}}`);
    return { status: 201, data, headers: { Location: `/v1/contacts/${encodeURIComponent(contact.id)}`, ETag: contact.etag } };
  },
});

// GET /v1/contacts/{contactId} — one contact with its latest conversations
export const getContactRoute = defineRoute({
  method: "get",
  path: "/v1/contacts/{contactId}",
  operationId: "getContact",
  summary: "Get a contact with its latest conversations",
  description:
    "The contact and its latest 100 conversations (`id`, `startedAt`, `lastMessageAt`), newest first. A contact of another workspace is answered exactly as a missing one. The `ETag` names the contact's version (its own fields, which every change moves; not its conversations, which have their own route): with `If-None-Match` naming it, the answer is 304 with no body.",
  tag: "Contacts",
  request: { params: contactIdParamsSchema, headers: ifNoneMatchHeaderSchema },
  success: {
    status: 200,
    description: "The contact and up to 100 conversations, newest first.",
    data: z.object({ contact: contactWithConversationsSchema }),
    headers: ["ETag"],
  },
  notModified: "The contact is still the version `If-None-Match` names; no body.",
  errors: { not_found: CONTACT_NOT_FOUND },
  handler: async ({ params, headers, principal, store }) => {
    const { json, etag } = await getContact(store, principal.workspaceId, params.contactId);
    const notModified = headers["If-None-Match"] !== undefined && ifNoneMatchMatches(headers["If-None-Match"], etag);
    return { status: 200, data: jsonText(`{"contact":${json}}`), headers: { ETag: etag }, notModified };
  },
});

// PATCH /v1/contacts/{contactId} — change fields; metadata is merged key by key
export const updateContactRoute = defineRoute({
  method: "patch",
  path: "/v1/contacts/{contactId}",
  operationId: "updateContact",
  summary: "Update a contact",
  description:
    "Changes only the fields given. `metadata` is merged key by key: a key set to null is removed, keys not named are kept. `name`, `email` and `phone` set to null are cleared; `chatbotId` cannot be changed. `updatedAt` moves on every accepted change. With `If-Match` naming a version the contact no longer has, nothing changes and the answer is 412 `precondition_failed` (of two clients that send the same `If-Match` at once, exactly one succeeds); `If-Match: *` accepts any existing version.",
  tag: "Contacts",
  request: {
    params: contactIdParamsSchema,
    body: updateContactSchema,
    headers: ifMatchHeaderSchema,
    unknownBodyFields: { chatbotId: "Cannot be changed after creation" },
  },
  success: { status: 200, description: "The contact after the change.", data: z.object({ contact: contactSchema }), headers: ["ETag"] },
  errors: {
    validation_error: "Invalid body, unknown field, or no field at all (`validation_error`).",
    not_found: CONTACT_NOT_FOUND,
    precondition_failed: STALE_VERSION,
  },
  handler: async ({ params, body, headers, principal, store }) => {
    const contact = await updateContact(store, principal.workspaceId, params.contactId, body, { ifMatch: headers["If-Match"] });
    return { status: 200, data: jsonText<{ contact: Contact }>(`{"contact":${contact.json}}`), headers: { ETag: contact.etag } };
  },
});

// DELETE /v1/contacts/{contactId} — delete a contact; its conversations stay without it
export const deleteContactRoute = defineRoute({
  method: "delete",
  path: "/v1/contacts/{contactId}",
  operationId: "deleteContact",
  summary: "Delete a contact",
  description:
    "Deletes the contact: it is gone from every read and a second DELETE is a 404. Its conversations stay in the workspace with `contactId` null. With `If-Match` naming a version the contact no longer has, nothing is deleted and the answer is 412 `precondition_failed`.",
  tag: "Contacts",
  request: { params: contactIdParamsSchema, headers: ifMatchHeaderSchema },
  success: { status: 200, description: "The contact is gone.", data: deletedContactSchema },
  errors: { not_found: CONTACT_NOT_FOUND, precondition_failed: STALE_VERSION },
  handler: async ({ params, headers, principal, store }) => {
    await deleteContact(store, principal.workspaceId, params.contactId, { ifMatch: headers["If-Match"] });
    return { status: 200, data: { deleted: true as const, id: params.contactId } };
  },
});
