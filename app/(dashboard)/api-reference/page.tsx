import type { Metadata } from "next";
import Link from "next/link";
import { ApiReferenceViewer } from "@/components/api-reference/api-reference-viewer";
import { PageHeader } from "@/components/layout/page-header";

export const metadata: Metadata = { title: "API reference" };

// GET /api-reference — the /v1 OpenAPI document, browsable.
export default function ApiReferencePage() {
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Every /v1 endpoint with its parameters and responses. Requests from your own code need an API key, sent as{" "}
            <code className="rounded bg-slate-100 px-1 py-0.5 text-xs dark:bg-slate-800">Authorization: Bearer YOUR_API_KEY</code>;
            create one under{" "}
            <Link href="/settings/api-keys" className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-400">
              API keys
            </Link>
            .
          </>
        }
      />
      <ApiReferenceViewer />
    </>
  );
}
