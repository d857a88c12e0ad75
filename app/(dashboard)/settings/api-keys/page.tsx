import type { Metadata } from "next";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { PageHeader } from "@/components/layout/page-header";

export const metadata: Metadata = { title: "API keys" };

// GET /settings/api-keys — create, list and revoke the keys integrations use for the /v1 API.
export default function ApiKeysPage() {
  return (
    <>
      <PageHeader
        title="API keys"
        description="Integrations call the /v1 API with these keys. A key is shown once, when it is created; revoke one to cut off its integration at once."
        actions={<CreateApiKeyDialog />}
      />
      <ApiKeysTable />
    </>
  );
}
