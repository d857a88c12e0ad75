"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, jsonBody } from "@/lib/http/api-fetch";
import type { ResponseData } from "../api/route";
import type {
  createWebhookEndpointRoute,
  listWebhookDeliveriesRoute,
  listWebhookEndpointsRoute,
  resendWebhookDeliveryRoute,
  sendTestWebhookRoute,
} from "../api/routes/webhook-endpoints";
import type { CreateWebhookEndpointInput } from "./schemas";

// React Query keys and fetchers for webhook endpoints and their deliveries, over the public /v1 API
// with the staff session (type-only route imports: no server code reaches the page).

export const webhookKeys = {
  endpoints: ["webhook-endpoints"] as const,
  deliveries: (endpointId: string) => ["webhook-endpoints", endpointId, "deliveries"] as const,
};

const ENDPOINTS = "/v1/webhook-endpoints";
const endpointPath = (id: string) => `${ENDPOINTS}/${encodeURIComponent(id)}`;
/** Deliveries change on their own (the worker's attempts): the list keeps itself fresh while shown. */
const DELIVERIES_REFRESH_MS = 3000;
export const RECENT_DELIVERIES = 20;

export function useWebhookEndpoints() {
  return useQuery({
    queryKey: webhookKeys.endpoints,
    queryFn: ({ signal }) => apiFetch<ResponseData<typeof listWebhookEndpointsRoute>>(`${ENDPOINTS}?limit=100`, { signal }),
  });
}

/** Creates an endpoint; the result carries its secret, which is never fetched again. */
export function useCreateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWebhookEndpointInput) =>
      apiFetch<ResponseData<typeof createWebhookEndpointRoute>>(ENDPOINTS, { method: "POST", body: jsonBody(input) }).then((d) => d.endpoint),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints }),
  });
}

export function useWebhookDeliveries(endpointId: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(endpointId),
    queryFn: ({ signal }) =>
      apiFetch<ResponseData<typeof listWebhookDeliveriesRoute>>(`${endpointPath(endpointId)}/deliveries?limit=${RECENT_DELIVERIES}`, { signal }),
    refetchInterval: DELIVERIES_REFRESH_MS,
  });
}

export function useResendDelivery(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      apiFetch<ResponseData<typeof resendWebhookDeliveryRoute>>(`${endpointPath(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/resend`, {
        method: "POST",
      }).then((d) => d.delivery),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) }),
  });
}

export function useSendTestEvent(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ResponseData<typeof sendTestWebhookRoute>>(`${endpointPath(endpointId)}/test`, { method: "POST" }).then((d) => d.delivery),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) }),
  });
}
