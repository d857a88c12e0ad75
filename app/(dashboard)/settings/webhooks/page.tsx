import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { CreateWebhookEndpointDialog } from "@/components/webhooks/create-webhook-endpoint-dialog";
import { WebhookEndpointsList } from "@/components/webhooks/webhook-endpoints-list";

export const metadata: Metadata = { title: "Webhooks" };

// GET /settings/webhooks — the workspace's webhook endpoints, their recent deliveries, and resending one.
export default function WebhooksPage() {
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Contact events are POSTed to these endpoints, signed per Standard Webhooks, and retried for about a day. Resend a delivery to send it again now."
        actions={<CreateWebhookEndpointDialog />}
      />
      <WebhookEndpointsList />
    </>
  );
}
