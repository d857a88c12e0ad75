import { isDeepStrictEqual } from "node:util";
import type { Contact } from "../../lib/contacts/schemas";
import { CONTACT_KEYS } from "./contact-keys";

// What a load of creates and metadata PATCHes was told, and what may have happened to the requests
// that got no answer, checked against what the database holds afterwards. PATCHes only ever add
// keys (each a new one with its own value), so every acknowledged state is contained in later ones.

export interface CreateBody {
  chatbotId: string;
  name: string;
  email: string;
  phone: string;
  metadata: Record<string, string | number>;
}

/** How a request ended: answered 2xx, no answer (the server may or may not have applied it), or never connected. */
export type Outcome = "acknowledged" | "in-flight" | "refused";

interface SentPatch {
  key: string;
  value: string;
  outcome?: Outcome;
}

const FIXED_FIELDS = ["chatbotId", "name", "email", "phone", "createdAt"] as const;
/** Keys a contact may get in all, kept under the 50-key metadata limit. */
const PATCH_BUDGET = 40;

export class WriteLedger {
  /** Each contact's latest acknowledged (or verified) state. */
  private readonly latest = new Map<string, Contact>();
  private readonly keysSent = new Map<string, number>();
  private creates: { body: CreateBody; outcome?: Outcome; id?: string }[] = [];
  private patches = new Map<string, SentPatch[]>();
  private sequence = 0;

  constructor(private readonly chatbotIds: string[]) {}

  newCreate(): { body: CreateBody; settle: (outcome: Outcome, contact?: Contact) => void } {
    const n = ++this.sequence;
    const body: CreateBody = {
      chatbotId: this.chatbotIds[n % this.chatbotIds.length],
      name: `Crash Test ${n}`,
      email: `crash-${n}@example.com`,
      phone: `+1555${String(n).padStart(7, "0")}`,
      metadata: { origin: "crash-test", n },
    };
    const entry: (typeof this.creates)[number] = { body };
    this.creates.push(entry);
    return {
      body,
      settle: (outcome, contact) => {
        entry.outcome = outcome;
        if (!contact) return;
        entry.id = contact.id;
        this.latest.set(contact.id, contact);
        this.keysSent.set(contact.id, Object.keys(contact.metadata).length);
      },
    };
  }

  /** A PATCH adding one new key to a random known contact, or undefined when none has room left. */
  newPatch(): { contactId: string; body: { metadata: Record<string, string> }; settle: (outcome: Outcome, contact?: Contact) => void } | undefined {
    const candidates = [...this.keysSent].filter(([, used]) => used < PATCH_BUDGET);
    if (candidates.length === 0) return undefined;
    const [contactId, used] = candidates[Math.floor(Math.random() * candidates.length)];
    this.keysSent.set(contactId, used + 1);
    const n = ++this.sequence;
    const patch: SentPatch = { key: `p${n}`, value: `v${n}` };
    this.patches.set(contactId, [...(this.patches.get(contactId) ?? []), patch]);
    return {
      contactId,
      body: { metadata: { [patch.key]: patch.value } },
      settle: (outcome, contact) => {
        patch.outcome = outcome;
        const known = this.latest.get(contactId);
        if (contact && (!known || contact.updatedAt > known.updatedAt)) this.latest.set(contactId, contact);
      },
    };
  }

  /** Compares everything sent since the last check with what the database holds; returns problems and figures. */
  verify(found: Contact[]) {
    const problems: string[] = [];
    const byId = new Map(found.map((contact) => [contact.id, contact]));
    const createsInFlight = new Map(this.creates.filter((c) => c.outcome !== "acknowledged").map((c) => [c.body.email, c]));
    const sentPatches = [...this.patches.values()].flat();
    const count = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length;
    const figures = {
      contactsFound: found.length,
      createsAcknowledged: count(this.creates, (c) => c.outcome === "acknowledged"),
      createsAcknowledgedFound: count(this.creates, (c) => c.outcome === "acknowledged" && byId.has(c.id!)),
      createsInFlight: count(this.creates, (c) => c.outcome === "in-flight"),
      createsInFlightApplied: 0,
      patchesAcknowledged: count(sentPatches, (p) => p.outcome === "acknowledged"),
      patchesAcknowledgedFound: 0,
      patchesInFlight: count(sentPatches, (p) => p.outcome === "in-flight"),
      patchesInFlightApplied: 0,
      refused: count([...this.creates, ...sentPatches], (r) => r.outcome === "refused"),
    };

    for (const contact of found) {
      if (!isDeepStrictEqual(Object.keys(contact).sort(), CONTACT_KEYS)) problems.push(`${contact.id}: keys ${Object.keys(contact)}`);
      const known = this.latest.get(contact.id);
      if (known) continue;
      const create = contact.email ? createsInFlight.get(contact.email) : undefined;
      if (!create || create.outcome === "refused" || create.id) {
        problems.push(`${contact.id}: a contact nobody created (or created twice): ${JSON.stringify(contact)}`);
        continue;
      }
      create.id = contact.id;
      figures.createsInFlightApplied++;
      const { chatbotId, name, email, phone, metadata } = contact;
      if (!isDeepStrictEqual({ chatbotId, name, email, phone, metadata }, create.body) || contact.createdAt !== contact.updatedAt) {
        problems.push(`${contact.id}: half-written in-flight create: ${JSON.stringify(contact)} vs sent ${JSON.stringify(create.body)}`);
      }
    }

    for (const [id, known] of this.latest) {
      const contact = byId.get(id);
      if (!contact) {
        problems.push(`${id}: acknowledged, then lost`);
        continue;
      }
      for (const field of FIXED_FIELDS) {
        if (contact[field] !== known[field]) problems.push(`${id}: ${field} is ${contact[field]}, acknowledged ${known[field]}`);
      }
      const patches = this.patches.get(id) ?? [];
      const inFlight = patches.filter((p) => p.outcome === "in-flight");
      for (const patch of patches) {
        const applied = contact.metadata[patch.key] === patch.value;
        if (patch.outcome === "acknowledged" && applied) figures.patchesAcknowledgedFound++;
        if (patch.outcome === "acknowledged" && !applied) problems.push(`${id}: acknowledged metadata ${patch.key} lost`);
        if (patch.outcome === "in-flight" && applied) figures.patchesInFlightApplied++;
      }
      const allowed = { ...known.metadata, ...Object.fromEntries(inFlight.map((p) => [p.key, p.value])) };
      for (const [key, value] of Object.entries(contact.metadata)) {
        if (allowed[key] !== value) problems.push(`${id}: metadata ${key}=${JSON.stringify(value)} was never acknowledged nor in flight`);
      }
      for (const [key, value] of Object.entries(known.metadata)) {
        if (contact.metadata[key] !== value) problems.push(`${id}: acknowledged metadata ${key} lost`);
      }
      if (contact.updatedAt < known.updatedAt) problems.push(`${id}: updatedAt went back from ${known.updatedAt} to ${contact.updatedAt}`);
      // With nothing in flight, the database holds exactly the last acknowledged state.
      if (inFlight.length === 0 && !isDeepStrictEqual(contact, known)) problems.push(`${id}: ${JSON.stringify(contact)} is not the acknowledged ${JSON.stringify(known)}`);
    }
    return { problems, figures };
  }

  /** After a check: what was found is the new truth, and the requests without an answer are settled. */
  reconcile(found: Contact[]): void {
    this.latest.clear();
    for (const contact of found) {
      this.latest.set(contact.id, contact);
      this.keysSent.set(contact.id, Math.max(this.keysSent.get(contact.id) ?? 0, Object.keys(contact.metadata).length));
    }
    for (const id of this.keysSent.keys()) if (!this.latest.has(id)) this.keysSent.delete(id);
    this.creates = [];
    this.patches = new Map();
  }
}
