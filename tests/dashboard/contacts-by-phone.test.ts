import { beforeAll, describe, expect, it } from "vitest";
import { insertContacts } from "../../lib/contacts/repository";
import type { NewContactRow } from "../../lib/db/schema";
import { newId } from "../../lib/ids";
import { call, expectError, expectSuccess } from "../support/api";
import { createTenant, testStore, type Tenant } from "../support/fixtures";
import { signedInStaff, type SignedInStaff } from "../support/staff";

// GET /api/workspace/contacts/by-phone: the command palette's phone lookup, over HTTP.

let tenant: Tenant;
let other: Tenant;
let staff: SignedInStaff;
let otherStaff: SignedInStaff;
const ids: Record<string, string> = {};

function contact(workspaceId: string, chatbotId: string, phone: string | null, key: string): NewContactRow {
  const id = newId("contact_");
  ids[key] = id;
  const at = new Date().toISOString();
  return { workspace_id: workspaceId, id, chatbot_id: chatbotId, name: key, email: null, phone, metadata: "{}", created_at: at, updated_at: at };
}

async function lookUp(who: SignedInStaff, digits: string): Promise<string[]> {
  const data = expectSuccess(await call("GET", `/api/workspace/contacts/by-phone?digits=${digits}`, { headers: who.headers })) as { contacts: { id: string }[] };
  return data.contacts.map((c) => c.id).sort();
}

beforeAll(async () => {
  tenant = await createTenant("Phone lookup");
  other = await createTenant("Phone lookup, other workspace");
  staff = await signedInStaff(tenant);
  otherStaff = await signedInStaff(other);
  await insertContacts(testStore(), [
    contact(tenant.workspaceId, tenant.chatbotIds[0], "+4915112345678", "berlin"),
    contact(tenant.workspaceId, tenant.chatbotIds[0], "+1 (415) 555-0199", "formatted"),
    contact(tenant.workspaceId, tenant.chatbotIds[0], null, "none"),
    contact(other.workspaceId, other.chatbotIds[0], "+4915112345678", "foreign"),
    ...Array.from({ length: 10 }, (_, i) => contact(tenant.workspaceId, tenant.chatbotIds[0], `+3377700000${i}`, `many${i}`)),
  ]);
});

describe("GET /api/workspace/contacts/by-phone", () => {
  it("finds contacts whose phone digits contain the typed digits, ignoring + and formatting", async () => {
    expect(await lookUp(staff, "12345")).toEqual([ids.berlin]);
    expect(await lookUp(staff, "4155550199")).toEqual([ids.formatted]);
    expect(await lookUp(staff, "999888")).toEqual([]);
  });

  it("never finds another workspace's contact", async () => {
    expect(await lookUp(staff, "4915112345678")).toEqual([ids.berlin]);
    expect(await lookUp(otherStaff, "4915112345678")).toEqual([ids.foreign]);
    expect(await lookUp(otherStaff, "4155550199")).toEqual([]);
  });

  it("returns at most 8 contacts", async () => {
    expect(await lookUp(staff, "3377700000")).toHaveLength(8);
  });

  it("rejects anything but 3 to 15 digits, and callers without a staff session", async () => {
    expectError(await call("GET", "/api/workspace/contacts/by-phone?digits=12", { headers: staff.headers }), 400, "validation_error");
    expectError(await call("GET", "/api/workspace/contacts/by-phone?digits=12a45", { headers: staff.headers }), 400, "validation_error");
    expectError(await call("GET", "/api/workspace/contacts/by-phone?digits=12345"), 401, "unauthorized");
  });
});
