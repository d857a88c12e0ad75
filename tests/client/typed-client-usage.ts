import { createNexvioClient, type HeaderName, type operations } from "../../clients/typescript";

// What an integrator writes with the generated client and nothing else: no casts, every path,
// body, answer and error typed from the OpenAPI document. tests/client/typed-client.test.ts
// type-checks this file on its own and runs it against the server.

const REMAINING: HeaderName<operations["listContacts"]["responses"][200]["headers"]> = "X-RateLimit-Remaining";
const REPLAYED: HeaderName<operations["createContact"]["responses"][201]["headers"]> = "Idempotent-Replayed";

export async function useTypedClient(baseUrl: string, apiKey: string, chatbotId: string) {
  const nexvio = createNexvioClient(baseUrl, apiKey);

  const listed = await nexvio.GET("/v1/contacts", { params: { query: { limit: 5, sortBy: "name", sortOrder: "asc" } } });
  if (!listed.data) throw new Error(`list: ${listed.response.status} ${listed.error.error.message}`);

  const created = await nexvio.POST("/v1/contacts", {
    body: { chatbotId, name: "Typed Client", email: "typed.client@example.com", metadata: { plan: "trial", seats: 3 } },
  });
  if (!created.data) throw new Error(`create: ${created.response.status} ${created.error.error.message}`);
  const contactId = created.data.data.contact.id;

  // null removes a metadata key; the others are merged in.
  const patched = await nexvio.PATCH("/v1/contacts/{contactId}", {
    params: { path: { contactId } },
    body: { metadata: { plan: null, tier: "gold" } },
  });
  if (!patched.data) throw new Error(`patch: ${patched.response.status} ${patched.error.error.message}`);

  const conversations = await nexvio.GET("/v1/contacts/{contactId}/conversations", { params: { path: { contactId }, query: { limit: 10 } } });
  if (!conversations.data) throw new Error(`conversations: ${conversations.response.status} ${conversations.error.error.message}`);

  const deleted = await nexvio.DELETE("/v1/contacts/{contactId}", { params: { path: { contactId } } });
  if (!deleted.data) throw new Error(`delete: ${deleted.response.status} ${deleted.error.error.message}`);

  const invalid = await nexvio.POST("/v1/contacts", { body: { chatbotId, email: "not an email" } });

  // Safe to retry: the retry of a create with the same Idempotency-Key gets the first answer back.
  const idempotencyKey = crypto.randomUUID();
  const createOnce = () =>
    nexvio.POST("/v1/contacts", { params: { header: { "Idempotency-Key": idempotencyKey } }, body: { chatbotId, name: "Created Once" } });
  const [first, retry] = [await createOnce(), await createOnce()];
  if (!first.data || !retry.data) throw new Error(`create once: ${first.response.status}, then ${retry.response.status}`);

  // Every contact, a page at a time, by cursor: nextCursor is null on the last page.
  const walked: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await nexvio.GET("/v1/contacts", { params: { query: { limit: 1, cursor } } });
    if (!page.data) throw new Error(`walk: ${page.response.status} ${page.error.error.message}`);
    walked.push(...page.data.data.contacts.map((contact) => contact.id));
    cursor = page.data.data.nextCursor ?? undefined;
  } while (cursor);

  return {
    walked,
    listed: { status: listed.response.status, total: listed.data.data.total, rateLimitRemaining: listed.response.headers.get(REMAINING) },
    created: { status: created.response.status, id: contactId, metadata: created.data.data.contact.metadata },
    patched: { status: patched.response.status, metadata: patched.data.data.contact.metadata },
    conversations: { status: conversations.response.status, total: conversations.data.data.total, items: conversations.data.data.conversations },
    deleted: { status: deleted.response.status, deleted: deleted.data.data.deleted, id: deleted.data.data.id },
    invalid: { status: invalid.response.status, code: invalid.error?.error.code, details: invalid.error?.error.details },
    retried: { sameContact: retry.data.data.contact.id === first.data.data.contact.id, id: first.data.data.contact.id, replayed: retry.response.headers.get(REPLAYED) },
  };
}
