import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Nexvio Contacts</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">
        The contacts service of the Nexvio chatbot platform. Integrations call the REST API under{" "}
        <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">/v1</code> with a workspace API key.
      </p>
      <p className="mt-6">
        <Link className="font-medium text-indigo-600 underline dark:text-indigo-400" href="/v1/openapi.json">
          OpenAPI document
        </Link>
      </p>
    </main>
  );
}
