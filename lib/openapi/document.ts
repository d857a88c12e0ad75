import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import {
  contactSchema,
  contactWithConversationsSchema,
  createContactSchema,
  listContactsQuerySchema,
  updateContactSchema,
} from "../contacts/schemas";
import { conversationSchema, listConversationsQuerySchema } from "../conversations/schemas";

// The OpenAPI 3.1 document, built from the same zod schemas the route handlers validate with.

const errorSchema = z
  .object({
    status: z.literal("error"),
    error: z.object({
      code: z.enum([
        "validation_error",
        "unauthorized",
        "not_found",
        "method_not_allowed",
        "payload_too_large",
        "unsupported_media_type",
        "rate_limited",
        "internal_error",
      ]),
      message: z.string(),
      details: z.record(z.string(), z.string()).optional().meta({ description: "validation_error only: field → message; nested fields are dotted (`metadata.plan`)." }),
    }),
  })
  .meta({ id: "Error" });

const success = <T extends z.ZodType>(data: T) => z.object({ status: z.literal("success"), data });
const rateLimitHeaders = z.object({
  "X-RateLimit-Limit": z.string().meta({ description: "Requests allowed per minute for this key." }),
  "X-RateLimit-Remaining": z.string().meta({ description: "Requests left in the current window." }),
  "X-RateLimit-Reset": z.string().meta({ description: "When the window resets, in Unix seconds." }),
});

function ok(description: string, data: z.ZodType, status: "200" | "201" = "200"): ZodOpenApiResponsesObject {
  return { [status]: { description, headers: rateLimitHeaders, content: { "application/json": { schema: success(data) } } } };
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: errorSchema } } });
const commonErrors: ZodOpenApiResponsesObject = {
  "401": errorResponse("Missing, malformed, unknown or revoked API key."),
  "429": errorResponse("Over the rate limit; see `Retry-After`."),
  "500": errorResponse("Unexpected error; nothing is leaked, the request id is logged."),
};
const bodyErrors: ZodOpenApiResponsesObject = {
  "400": errorResponse("Invalid body or unknown field (`validation_error`)."),
  "413": errorResponse("Body larger than 1 MiB."),
  "415": errorResponse("Content-Type is not application/json."),
};
const notFound = { "404": errorResponse("Contact absent, deleted, or in another workspace.") };
const contactPath = { path: z.object({ contactId: z.string().meta({ description: "The contact's id.", example: "contact_123abc" }) }) };

function operation(op: ZodOpenApiOperationObject): ZodOpenApiOperationObject {
  return { tags: ["Contacts"], ...op, responses: { ...op.responses, ...commonErrors } };
}

export function buildOpenApiDocument(serverUrl = "/") {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Nexvio Contacts API",
      version: "1.0.0",
      description: "Manage the contacts your Nexvio chatbots collect. 100 requests per minute per API key.",
      license: { name: "Proprietary", identifier: "LicenseRef-Nexvio" },
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    tags: [{ name: "Contacts", description: "Contacts and their conversations." }],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "Authorization: Bearer nxv_…" } },
    },
    paths: {
      "/v1/contacts": {
        get: operation({
          operationId: "listContacts",
          summary: "List contacts",
          requestParams: { query: listContactsQuerySchema },
          responses: {
            ...ok("A page of contacts and the total that match.", z.object({ contacts: z.array(contactSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })),
            "400": errorResponse("Invalid query parameter (`validation_error`)."),
          },
        }),
        post: operation({
          operationId: "createContact",
          summary: "Create a contact",
          requestBody: { required: true, content: { "application/json": { schema: createContactSchema } } },
          responses: { ...ok("The contact as stored.", z.object({ contact: contactSchema }), "201"), ...bodyErrors },
        }),
      },
      "/v1/contacts/{contactId}": {
        get: operation({
          operationId: "getContact",
          summary: "Get a contact with its latest conversations",
          requestParams: contactPath,
          responses: { ...ok("The contact and up to 100 conversations, newest first.", z.object({ contact: contactWithConversationsSchema })), ...notFound },
        }),
        patch: operation({
          operationId: "updateContact",
          summary: "Update a contact",
          requestParams: contactPath,
          requestBody: { required: true, content: { "application/json": { schema: updateContactSchema } } },
          responses: { ...ok("The contact after the change.", z.object({ contact: contactSchema })), ...bodyErrors, ...notFound },
        }),
        delete: operation({
          operationId: "deleteContact",
          summary: "Delete a contact",
          requestParams: contactPath,
          responses: { ...ok("The contact is gone.", z.object({ deleted: z.literal(true), id: z.string() })), ...notFound },
        }),
      },
      "/v1/contacts/{contactId}/conversations": {
        get: operation({
          operationId: "listContactConversations",
          summary: "List a contact's conversations",
          requestParams: { ...contactPath, query: listConversationsQuerySchema },
          responses: {
            ...ok("A page of conversations, newest first.", z.object({ conversations: z.array(conversationSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })),
            "400": errorResponse("Invalid query parameter (`validation_error`)."),
            ...notFound,
          },
        }),
      },
    },
  });
}
