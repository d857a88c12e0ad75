import { z } from "zod";
import {
  createWebhookEndpointSchema,
  deletedWebhookEndpointSchema,
  listWebhookEndpointsQuerySchema,
  updateWebhookEndpointSchema,
  webhookDeliveryListSchema,
  webhookDeliveryParamsSchema,
  webhookDeliverySchema,
  webhookDeliveryWithAttemptsSchema,
  webhookEndpointIdParamsSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
} from "../../webhooks/schemas";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookDelivery,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhookEndpoint,
} from "../../webhooks/service";
import { defineRoute } from "../route";

const TAG = "Webhooks";
const ENDPOINT_NOT_FOUND = "Webhook endpoint absent, deleted, or in another workspace.";
const DELIVERY_NOT_FOUND = "Webhook endpoint or delivery absent, or in another workspace.";
const URL_RULE =
  "`url` must be `http://` or `https://` and not on a loopback, private, link-local or other non-public address (nor a name that resolves to one), unless the operator allows private destinations.";

// POST /v1/webhook-endpoints — register an endpoint; its signing secret is answered this once
export const createWebhookEndpointRoute = defineRoute({
  method: "post",
  path: "/v1/webhook-endpoints",
  operationId: "createWebhookEndpoint",
  summary: "Create a webhook endpoint",
  description: `Registers a URL to receive the workspace's contact events, signed per Standard Webhooks. The answer carries the signing \`secret\`, shown only now and when rotated. ${URL_RULE}`,
  tag: TAG,
  request: { body: createWebhookEndpointSchema },
  success: { status: 201, description: "The endpoint, with its secret.", data: z.object({ endpoint: webhookEndpointWithSecretSchema }) },
  errors: { validation_error: "Invalid body, unknown field, or a refused destination (`validation_error`)." },
  handler: async ({ body, principal, store }) => ({ status: 201, data: { endpoint: await createWebhookEndpoint(store, principal.workspaceId, body) } }),
});

// GET /v1/webhook-endpoints — the workspace's endpoints, newest first
export const listWebhookEndpointsRoute = defineRoute({
  method: "get",
  path: "/v1/webhook-endpoints",
  operationId: "listWebhookEndpoints",
  summary: "List webhook endpoints",
  description: "The workspace's webhook endpoints, newest first, without their secrets.",
  tag: TAG,
  request: { query: listWebhookEndpointsQuerySchema },
  success: { status: 200, description: "A page of endpoints and their total.", data: webhookEndpointListSchema },
  errors: { validation_error: "Invalid query parameter, or a known one given twice (`validation_error`)." },
  handler: async ({ query, principal, store }) => ({ status: 200, data: await listWebhookEndpoints(store, principal.workspaceId, query) }),
});

// GET /v1/webhook-endpoints/{endpointId} — one endpoint
export const getWebhookEndpointRoute = defineRoute({
  method: "get",
  path: "/v1/webhook-endpoints/{endpointId}",
  operationId: "getWebhookEndpoint",
  summary: "Get a webhook endpoint",
  description: "One endpoint, without its secret.",
  tag: TAG,
  request: { params: webhookEndpointIdParamsSchema },
  success: { status: 200, description: "The endpoint.", data: z.object({ endpoint: webhookEndpointSchema }) },
  errors: { not_found: ENDPOINT_NOT_FOUND },
  handler: async ({ params, principal, store }) => ({ status: 200, data: { endpoint: await getWebhookEndpoint(store, principal.workspaceId, params.endpointId) } }),
});

// PATCH /v1/webhook-endpoints/{endpointId} — change the URL, events, description or enabled
export const updateWebhookEndpointRoute = defineRoute({
  method: "patch",
  path: "/v1/webhook-endpoints/{endpointId}",
  operationId: "updateWebhookEndpoint",
  summary: "Update a webhook endpoint",
  description: `Changes only the fields given. A disabled endpoint gets no new events; deliveries already queued for it wait until it is enabled again. ${URL_RULE}`,
  tag: TAG,
  request: { params: webhookEndpointIdParamsSchema, body: updateWebhookEndpointSchema },
  success: { status: 200, description: "The endpoint after the change.", data: z.object({ endpoint: webhookEndpointSchema }) },
  errors: { validation_error: "Invalid body, unknown field, no field at all, or a refused destination (`validation_error`).", not_found: ENDPOINT_NOT_FOUND },
  handler: async ({ params, body, principal, store }) => ({
    status: 200,
    data: { endpoint: await updateWebhookEndpoint(store, principal.workspaceId, params.endpointId, body) },
  }),
});

// DELETE /v1/webhook-endpoints/{endpointId} — delete an endpoint and its deliveries
export const deleteWebhookEndpointRoute = defineRoute({
  method: "delete",
  path: "/v1/webhook-endpoints/{endpointId}",
  operationId: "deleteWebhookEndpoint",
  summary: "Delete a webhook endpoint",
  description: "Deletes the endpoint with its deliveries and their attempts; nothing more is sent to it.",
  tag: TAG,
  request: { params: webhookEndpointIdParamsSchema },
  success: { status: 200, description: "The endpoint is gone.", data: deletedWebhookEndpointSchema },
  errors: { not_found: ENDPOINT_NOT_FOUND },
  handler: async ({ params, principal, store }) => {
    await deleteWebhookEndpoint(store, principal.workspaceId, params.endpointId);
    return { status: 200, data: { deleted: true as const, id: params.endpointId } };
  },
});

// POST /v1/webhook-endpoints/{endpointId}/rotate-secret — a new signing secret, answered this once
export const rotateWebhookSecretRoute = defineRoute({
  method: "post",
  path: "/v1/webhook-endpoints/{endpointId}/rotate-secret",
  operationId: "rotateWebhookSecret",
  summary: "Rotate a webhook endpoint's secret",
  description: "Replaces the signing secret: every attempt from now on, retries of earlier events included, is signed with the new one. The answer is the only place it is shown.",
  tag: TAG,
  request: { params: webhookEndpointIdParamsSchema },
  success: { status: 200, description: "The endpoint, with its new secret.", data: z.object({ endpoint: webhookEndpointWithSecretSchema }) },
  errors: { not_found: ENDPOINT_NOT_FOUND },
  handler: async ({ params, principal, store }) => ({ status: 200, data: { endpoint: await rotateWebhookSecret(store, principal.workspaceId, params.endpointId) } }),
});

// POST /v1/webhook-endpoints/{endpointId}/test — queue a webhook.test event to this endpoint
export const sendTestWebhookRoute = defineRoute({
  method: "post",
  path: "/v1/webhook-endpoints/{endpointId}/test",
  operationId: "sendTestWebhook",
  summary: "Send a test event",
  description:
    'Queues a `webhook.test` event (`{"type":"webhook.test","timestamp":…,"data":{"endpoint":{"id","url"}}}`) to this endpoint alone, whatever events it subscribes to. It is sent and retried like any other; follow it in the deliveries.',
  tag: TAG,
  request: { params: webhookEndpointIdParamsSchema },
  success: { status: 202, description: "The test event is queued.", data: z.object({ delivery: webhookDeliverySchema }) },
  errors: { not_found: ENDPOINT_NOT_FOUND },
  handler: async ({ params, principal, store }) => ({ status: 202, data: { delivery: await sendTestEvent(store, principal.workspaceId, params.endpointId) } }),
});

// GET /v1/webhook-endpoints/{endpointId}/deliveries — the endpoint's deliveries, newest first
export const listWebhookDeliveriesRoute = defineRoute({
  method: "get",
  path: "/v1/webhook-endpoints/{endpointId}/deliveries",
  operationId: "listWebhookDeliveries",
  summary: "List an endpoint's deliveries",
  description: "One delivery per event sent to the endpoint, newest first, with its status and its last attempt.",
  tag: TAG,
  request: { params: webhookEndpointIdParamsSchema, query: listWebhookEndpointsQuerySchema },
  success: { status: 200, description: "A page of deliveries and their total.", data: webhookDeliveryListSchema },
  errors: { validation_error: "Invalid query parameter, or a known one given twice (`validation_error`).", not_found: ENDPOINT_NOT_FOUND },
  handler: async ({ params, query, principal, store }) => ({
    status: 200,
    data: await listWebhookDeliveries(store, principal.workspaceId, params.endpointId, query),
  }),
});

// GET /v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId} — one delivery with every attempt
export const getWebhookDeliveryRoute = defineRoute({
  method: "get",
  path: "/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}",
  operationId: "getWebhookDelivery",
  summary: "Get a delivery and its attempts",
  description: "The delivery and every attempt made (when, the HTTP status got, how long it took, what went wrong), oldest first.",
  tag: TAG,
  request: { params: webhookDeliveryParamsSchema },
  success: { status: 200, description: "The delivery with its attempt log.", data: z.object({ delivery: webhookDeliveryWithAttemptsSchema }) },
  errors: { not_found: DELIVERY_NOT_FOUND },
  handler: async ({ params, principal, store }) => ({
    status: 200,
    data: { delivery: await getWebhookDelivery(store, principal.workspaceId, params.endpointId, params.deliveryId) },
  }),
});

// POST /v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/resend — send a delivery again by hand
export const resendWebhookDeliveryRoute = defineRoute({
  method: "post",
  path: "/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/resend",
  operationId: "resendWebhookDelivery",
  summary: "Resend a delivery",
  description:
    "Queues the delivery again, due now, whatever its status (a failed one most often): the same body and the same `webhook-id` (receivers that deduplicate by it see the same event), signed anew, with the whole retry schedule ahead.",
  tag: TAG,
  request: { params: webhookDeliveryParamsSchema },
  success: { status: 202, description: "The delivery is queued again.", data: z.object({ delivery: webhookDeliverySchema }) },
  errors: { not_found: DELIVERY_NOT_FOUND },
  handler: async ({ params, principal, store }) => ({
    status: 202,
    data: { delivery: await resendWebhookDelivery(store, principal.workspaceId, params.endpointId, params.deliveryId) },
  }),
});

export const webhookRoutes = [
  listWebhookEndpointsRoute,
  createWebhookEndpointRoute,
  getWebhookEndpointRoute,
  updateWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  rotateWebhookSecretRoute,
  sendTestWebhookRoute,
  listWebhookDeliveriesRoute,
  getWebhookDeliveryRoute,
  resendWebhookDeliveryRoute,
];
