import { z } from "zod";
import { idSchema, lookupIdMeta } from "../validation/id";
import { countSchema, integerParam } from "../validation/query-params";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation/text";
import { timestampSchema } from "../validation/timestamp";

// Webhook endpoints and deliveries, once: the /v1 routes, the OpenAPI document and the dashboard's
// form use these schemas. No server imports here (the address rules live in lib/webhooks/destination.ts).

export const webhookEventTypes = ["contact.created", "contact.updated", "contact.deleted", "contact.merged"] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
/** Sent only by POST …/test, to the one endpoint; nobody subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";

export const WEBHOOK_URL_MAX_LENGTH = 2048;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 500;
export const WEBHOOK_LIST_LIMIT_MAX = 100;
const URL_MESSAGE = `Must be an absolute http:// or https:// URL of at most ${WEBHOOK_URL_MAX_LENGTH} characters`;
const EVENTS_MESSAGE = `Must be a non-empty list of: ${webhookEventTypes.join(", ")}`;

function isWebUrl(value: string): boolean {
  if (!isStorableText(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" && url.username === "" && url.password === "";
}

export const webhookUrlSchema = z
  .string({ error: URL_MESSAGE })
  .trim()
  .max(WEBHOOK_URL_MAX_LENGTH, URL_MESSAGE)
  .refine(isWebUrl, URL_MESSAGE)
  .meta({ description: "Where events are POSTed: http:// or https://, not on a private address.", example: "https://example.com/webhooks/nexvio" });

export const webhookEventsSchema = z
  .array(z.enum(webhookEventTypes, { error: EVENTS_MESSAGE }), { error: EVENTS_MESSAGE })
  .min(1, EVENTS_MESSAGE)
  .max(webhookEventTypes.length, EVENTS_MESSAGE)
  .refine((events) => new Set(events).size === events.length, "Must not name an event twice")
  .meta({ description: "The event types sent to this endpoint.", example: ["contact.created", "contact.updated"] });

export const webhookDescriptionSchema = z
  .string({ error: `Must be text of at most ${WEBHOOK_DESCRIPTION_MAX_LENGTH} characters, or null` })
  .trim()
  .max(WEBHOOK_DESCRIPTION_MAX_LENGTH, `Must be at most ${WEBHOOK_DESCRIPTION_MAX_LENGTH} characters`)
  .refine(isStorableText, STORABLE_TEXT_MESSAGE)
  .nullable()
  .meta({ description: "A note for people: what this endpoint is for.", example: "CRM sync" });

const enabledSchema = z.boolean({ error: "Must be true or false" }).meta({ description: "Whether events are sent to it." });

export const createWebhookEndpointSchema = z
  .strictObject({
    url: webhookUrlSchema,
    events: webhookEventsSchema,
    description: webhookDescriptionSchema.optional(),
    enabled: enabledSchema.optional(),
  })
  .meta({ id: "CreateWebhookEndpoint" });

export const updateWebhookEndpointSchema = z
  .strictObject({
    url: webhookUrlSchema.optional(),
    events: webhookEventsSchema.optional(),
    description: webhookDescriptionSchema.optional(),
    enabled: enabledSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "Give at least one of: url, events, description, enabled", path: ["body"] })
  .meta({
    id: "UpdateWebhookEndpoint",
    override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
      jsonSchema.minProperties = 1;
    },
  });

export const webhookEndpointIdParamsSchema = z.object({
  endpointId: z.string().meta({ description: "The endpoint's id.", example: "whep_4Xk2f9QmZ0aB7cD1eF3g", ...lookupIdMeta }),
});

export const webhookDeliveryParamsSchema = webhookEndpointIdParamsSchema.extend({
  deliveryId: z.string().meta({ description: "The delivery's id.", example: "whdl_9Jd3kLm2Pq8Rs1Tu4Vw6", ...lookupIdMeta }),
});

export const listWebhookEndpointsQuerySchema = z.object({
  limit: integerParam(1, WEBHOOK_LIST_LIMIT_MAX, 50).meta({ description: "Maximum number of items to return." }),
  offset: integerParam(0, null, 0).meta({ description: "Number of items to skip." }),
});

export const webhookEndpointSchema = z
  .object({
    id: idSchema.meta({ example: "whep_4Xk2f9QmZ0aB7cD1eF3g" }),
    url: z.string().max(WEBHOOK_URL_MAX_LENGTH),
    events: z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length),
    description: z.string().max(WEBHOOK_DESCRIPTION_MAX_LENGTH).nullable(),
    enabled: z.boolean(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: "WebhookEndpoint" });

/** `whsec_` and the base64 of 32 random bytes. */
export const webhookSecretSchema = z
  .string()
  .max(50)
  .regex(/^whsec_[A-Za-z0-9+/]{43}=$/)
  .meta({ description: "The signing secret: shown only here, keep it. Verify with any Standard Webhooks library.", example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw+dNz/dZl8Rs=" });

export const webhookEndpointWithSecretSchema = webhookEndpointSchema.extend({ secret: webhookSecretSchema }).meta({ id: "WebhookEndpointWithSecret" });

export const webhookEndpointListSchema = z
  .object({
    endpoints: z.array(webhookEndpointSchema).max(WEBHOOK_LIST_LIMIT_MAX),
    total: countSchema.meta({ description: "Every endpoint of the workspace." }),
    limit: countSchema.meta({ description: "The limit applied." }),
    offset: countSchema.meta({ description: "The offset applied." }),
  })
  .meta({ id: "WebhookEndpointList" });

export const deletedWebhookEndpointSchema = z.object({ deleted: z.literal(true), id: idSchema }).meta({ id: "DeletedWebhookEndpoint" });

const httpStatusSchema = z.number().int().min(100).max(599).meta({ format: "int32" });
/** What went wrong in an attempt: an HTTP status with the start of the answer, or a network error. */
export const ATTEMPT_ERROR_MAX_LENGTH = 1000;
const attemptErrorSchema = z.string().max(ATTEMPT_ERROR_MAX_LENGTH);
/** The attempt log answered: a delivery makes 1 + the retry schedule's attempts, and more when resent by hand. */
export const ATTEMPT_LOG_MAX = 1000;

export const webhookDeliverySchema = z
  .object({
    id: idSchema.meta({ example: "whdl_9Jd3kLm2Pq8Rs1Tu4Vw6" }),
    webhookId: idSchema.meta({ description: "The `webhook-id` header: the same on every attempt, a resend included.", example: "msg_9Jd3kLm2Pq8Rs1Tu4Vw6" }),
    eventType: z.enum([...webhookEventTypes, TEST_EVENT_TYPE]),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: countSchema.meta({ description: "Attempts made so far." }),
    lastAttemptAt: timestampSchema.nullable(),
    lastStatusCode: httpStatusSchema.nullable().meta({ description: "The HTTP status the last attempt got; null when it got none." }),
    lastLatencyMs: countSchema.nullable().meta({ description: "How long the last attempt took, in milliseconds." }),
    lastError: attemptErrorSchema.nullable().meta({ description: "Why the last attempt failed without an HTTP answer, or which status it got." }),
    nextAttemptAt: timestampSchema.nullable().meta({ description: "When pending: when the next attempt is due. Null once succeeded or failed." }),
    createdAt: timestampSchema,
  })
  .meta({ id: "WebhookDelivery" });

export const webhookAttemptSchema = z
  .object({
    number: z.number().int().min(1).meta({ format: "int32" }),
    attemptedAt: timestampSchema,
    statusCode: httpStatusSchema.nullable(),
    latencyMs: countSchema,
    error: attemptErrorSchema.nullable(),
  })
  .meta({ id: "WebhookAttempt" });

export const webhookDeliveryListSchema = z
  .object({
    deliveries: z.array(webhookDeliverySchema).max(WEBHOOK_LIST_LIMIT_MAX),
    total: countSchema.meta({ description: "Every delivery to the endpoint." }),
    limit: countSchema.meta({ description: "The limit applied." }),
    offset: countSchema.meta({ description: "The offset applied." }),
  })
  .meta({ id: "WebhookDeliveryList" });

export const webhookDeliveryWithAttemptsSchema = webhookDeliverySchema
  .extend({ attemptLog: z.array(webhookAttemptSchema).max(ATTEMPT_LOG_MAX).meta({ description: `Every attempt (the latest ${ATTEMPT_LOG_MAX}), oldest first.` }) })
  .meta({ id: "WebhookDeliveryWithAttempts" });

export type CreateWebhookEndpointInput = z.output<typeof createWebhookEndpointSchema>;
export type UpdateWebhookEndpointInput = z.output<typeof updateWebhookEndpointSchema>;
export type ListWebhookEndpointsQuery = z.output<typeof listWebhookEndpointsQuerySchema>;
export type WebhookEndpoint = z.output<typeof webhookEndpointSchema>;
export type WebhookEndpointWithSecret = z.output<typeof webhookEndpointWithSecretSchema>;
export type WebhookDelivery = z.output<typeof webhookDeliverySchema>;
export type WebhookAttempt = z.output<typeof webhookAttemptSchema>;
