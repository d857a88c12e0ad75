import { call, type ApiResponse } from "./api";
import type { Contact } from "../../lib/contacts/schemas";
import type { Outcome, WriteLedger } from "./write-ledger";

// Keeps `concurrency` requests of creates and metadata PATCHes going against one server until it is
// stopped or stops answering, and writes each outcome into the ledger.

export interface LoadResult {
  statuses: Record<number, number>;
  /** When the first request got no answer (Date.now()), if one did. */
  firstFailureAt?: number;
}

function outcomeOf(error: unknown): Outcome {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return code === "ECONNREFUSED" ? "refused" : "in-flight";
}

export function driveWrites(baseUrl: string, apiKey: string, ledger: WriteLedger, concurrency: number) {
  let running = true;
  const statuses: Record<number, number> = {};
  let firstFailureAt: number | undefined;

  async function send(method: string, path: string, body: unknown, settle: (outcome: Outcome, contact?: Contact) => void) {
    let response: ApiResponse;
    try {
      response = await call(method, path, { key: apiKey, baseUrl, body });
    } catch (error) {
      settle(outcomeOf(error));
      firstFailureAt ??= Date.now();
      running = false;
      return;
    }
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    // A refusal (4xx/5xx) changed nothing that may be relied on; the test fails on any anyway.
    if (response.status < 300) settle("acknowledged", response.body.data.contact as Contact);
    else settle("in-flight");
  }

  async function worker() {
    while (running) {
      const patch = Math.random() < 0.5 ? ledger.newPatch() : undefined;
      if (patch) await send("PATCH", `/v1/contacts/${patch.contactId}`, patch.body, patch.settle);
      else {
        const create = ledger.newCreate();
        await send("POST", "/v1/contacts", create.body, create.settle);
      }
    }
  }

  const done: Promise<LoadResult> = Promise.all(Array.from({ length: concurrency }, worker)).then(() => ({ statuses, firstFailureAt }));
  return { stop: () => (running = false), done };
}

/** Every contact the key's workspace holds, page by page. */
export async function listAllContacts(baseUrl: string, apiKey: string): Promise<Contact[]> {
  const contacts: Contact[] = [];
  for (let offset = 0; ; offset += 500) {
    const response = await call("GET", `/v1/contacts?limit=500&offset=${offset}&sortOrder=asc`, { key: apiKey, baseUrl });
    if (response.status !== 200) throw new Error(`list answered ${response.status}: ${response.text}`);
    contacts.push(...response.body.data.contacts);
    if (response.body.data.contacts.length < 500) return contacts;
  }
}
