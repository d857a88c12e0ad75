"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { dataOf, v1 } from "@/lib/http/v1-client";
import type { CreateWebhookEndpointInput } from "./schemas";

// React Query keys and fetchers for webhook endpoints and their deliveries, over the public /v1 API
// with the staff session, through the typed client (lib/http/v1-client.ts).

export const webhookKeys = {
  endpoints: ["webhook-endpoints"] as const,
  deliveries: (endpointId: string) => ["webhook-endpoints", endpointId, "deliveries"] as const,
};

const onEndpoint = (endpointId: string) => ({ path: { endpointId } });
/** Deliveries change on their own (the worker's attempts): the list keeps itself fresh while shown. */
const DELIVERIES_REFRESH_MS = 3000;
export const RECENT_DELIVERIES = 20;

export function useWebhookEndpoints() {
  return useQuery({
    queryKey: webhookKeys.endpoints,
    queryFn: ({ signal }) => dataOf(v1.GET("/v1/webhook-endpoints", { params: { query: { limit: 100 } }, signal })),
  });
}

/** Creates an endpoint; the result carries its secret, which is never fetched again. */
export function useCreateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWebhookEndpointInput) =>
      dataOf(v1.POST("/v1/webhook-endpoints", { body: input })).then((d) => d.endpoint),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints }),
  });
}

export function useWebhookDeliveries(endpointId: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(endpointId),
    queryFn: ({ signal }) =>
      dataOf(v1.GET("/v1/webhook-endpoints/{endpointId}/deliveries", { params: { ...onEndpoint(endpointId), query: { limit: RECENT_DELIVERIES } }, signal })),
    refetchInterval: DELIVERIES_REFRESH_MS,
  });
}

export function useResendDelivery(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      dataOf(v1.POST("/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/resend", { params: { path: { endpointId, deliveryId } } })).then(
        (d) => d.delivery,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) }),
  });
}

export function useSendTestEvent(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => dataOf(v1.POST("/v1/webhook-endpoints/{endpointId}/test", { params: onEndpoint(endpointId) })).then((d) => d.delivery),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) }),
  });
}
