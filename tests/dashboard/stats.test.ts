import { beforeAll, describe, expect, it } from "vitest";
import { createChatbot } from "../../lib/chatbots/repository";
import { insertContacts } from "../../lib/contacts/repository";
import type { NewContactRow } from "../../lib/db/schema";
import { newId } from "../../lib/ids";
import type { WorkspaceStats } from "../../lib/stats/types";
import { call, expectError, expectSuccess } from "../support/api";
import { createTenant, testStore, type Tenant } from "../support/fixtures";
import { signedInStaff, type SignedInStaff } from "../support/staff";

// GET /api/workspace/stats over HTTP, on contacts written straight into the database with known
// creation times around each boundary: the 7 × 24 h week, the 90 UTC days, the workspace.

const DAY = 86_400_000;
const MINUTE = 60_000;

let tenant: Tenant;
let staff: SignedInStaff;
let idleChatbotId: string;
let other: Tenant;
let otherStaff: SignedInStaff;
let now: number;
let today: number;

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

function contact(workspaceId: string, chatbotId: string, createdAt: number): NewContactRow {
  const at = iso(createdAt);
  return { workspace_id: workspaceId, id: newId("contact_"), chatbot_id: chatbotId, name: null, email: null, phone: null, metadata: "{}", created_at: at, updated_at: at };
}

function times(count: number, row: () => NewContactRow): NewContactRow[] {
  return Array.from({ length: count }, row);
}

async function statsOf(who: SignedInStaff): Promise<WorkspaceStats> {
  return expectSuccess(await call("GET", "/api/workspace/stats", { headers: who.headers })) as WorkspaceStats;
}

beforeAll(async () => {
  tenant = await createTenant("Stats");
  idleChatbotId = (await createChatbot(testStore(), tenant.workspaceId, "Idle bot")).id;
  other = await createTenant("Stats, other workspace");
  staff = await signedInStaff(tenant);
  otherStaff = await signedInStaff(other);

  now = Date.now();
  today = now - (now % DAY);
  const [website, support] = tenant.chatbotIds;
  const w = tenant.workspaceId;
  await insertContacts(testStore(), [
    ...times(2, () => contact(w, website, today)), // the first instant of today
    contact(w, support, today),
    ...times(3, () => contact(w, support, today - DAY + 12 * 60 * MINUTE)), // yesterday noon
    contact(w, website, now - 7 * DAY + MINUTE), // just inside the week
    contact(w, support, now - 7 * DAY - MINUTE), // just outside the week
    contact(w, website, today - 89 * DAY), // the first instant of the oldest day shown
    contact(w, website, today - 89 * DAY - 1), // the last instant before it
    ...times(2, () => contact(w, support, today - 200 * DAY)),
  ]);
  await insertContacts(testStore(), times(4, () => contact(other.workspaceId, other.chatbotIds[0], today)));
});

describe("GET /api/workspace/stats", () => {
  it("counts every contact of the workspace, and those of the last 7 × 24 hours", async () => {
    const stats = await statsOf(staff);
    expect(stats.totalContacts).toBe(12);
    // Today's 3, yesterday's 3 and the one a minute inside the week; not the one a minute outside.
    expect(stats.newThisWeek).toBe(7);
  });

  it("counts contacts per chatbot, every chatbot listed as the dashboard lists them, one without contacts included", async () => {
    const stats = await statsOf(staff);
    const byId = (a: { chatbotId: string }, b: { chatbotId: string }) => (a.chatbotId < b.chatbotId ? -1 : 1);
    expect([...stats.perChatbot].sort(byId)).toEqual(
      [
        { chatbotId: tenant.chatbotIds[0], name: "Website bot", contacts: 5 },
        { chatbotId: tenant.chatbotIds[1], name: "Support bot", contacts: 7 },
        { chatbotId: idleChatbotId, name: "Idle bot", contacts: 0 },
      ].sort(byId),
    );
    // Chatbots created within the same millisecond tie on created_at; both lists then order by id.
    const listed = expectSuccess(await call("GET", "/api/workspace/chatbots", { headers: staff.headers })) as { chatbots: { id: string }[] };
    expect(stats.perChatbot.map((c) => c.chatbotId)).toEqual(listed.chatbots.map((c) => c.id));
  });

  it("returns the last 90 UTC days including today, oldest first, zero-filled for every chatbot", async () => {
    const { days } = await statsOf(staff);
    expect(days).toHaveLength(90);
    expect(days.map((d) => d.date)).toEqual(Array.from({ length: 90 }, (_, i) => day(today - (89 - i) * DAY)));
    for (const { counts } of days) {
      expect(Object.keys(counts).sort()).toEqual([...tenant.chatbotIds, idleChatbotId].sort());
    }
  });

  it("counts each contact on its UTC day and chatbot, and leaves out contacts older than 90 days", async () => {
    const { days } = await statsOf(staff);
    const [website, support] = tenant.chatbotIds;
    const expected = new Map<string, Record<string, number>>();
    const add = (date: string, chatbotId: string, n = 1) => {
      const counts = expected.get(date) ?? { [website]: 0, [support]: 0, [idleChatbotId]: 0 };
      counts[chatbotId] += n;
      expected.set(date, counts);
    };
    add(day(today), website, 2);
    add(day(today), support);
    add(day(today - DAY), support, 3);
    add(day(now - 7 * DAY + MINUTE), website);
    add(day(now - 7 * DAY - MINUTE), support);
    add(day(today - 89 * DAY), website);

    for (const { date, counts } of days) {
      expect({ date, counts }).toEqual({ date, counts: expected.get(date) ?? { [website]: 0, [support]: 0, [idleChatbotId]: 0 } });
    }
    const shown = days.reduce((sum, d) => sum + Object.values(d.counts).reduce((a, b) => a + b, 0), 0);
    expect(shown).toBe(9);
    expect(days[0]).toEqual({ date: day(today - 89 * DAY), counts: { [website]: 1, [support]: 0, [idleChatbotId]: 0 } });
    expect(days.at(-1)).toEqual({ date: day(today), counts: { [website]: 2, [support]: 1, [idleChatbotId]: 0 } });
  });

  it("never counts another workspace's contacts or chatbots", async () => {
    const mine = await statsOf(staff);
    expect(mine.perChatbot.map((c) => c.chatbotId)).not.toContain(other.chatbotIds[0]);

    const theirs = await statsOf(otherStaff);
    expect(theirs.totalContacts).toBe(4);
    expect(theirs.newThisWeek).toBe(4);
    expect(theirs.perChatbot).toHaveLength(2);
    expect(theirs.perChatbot).toEqual(
      expect.arrayContaining([
        { chatbotId: other.chatbotIds[0], name: "Website bot", contacts: 4 },
        { chatbotId: other.chatbotIds[1], name: "Support bot", contacts: 0 },
      ]),
    );
    expect(theirs.days.at(-1)?.counts).toEqual({ [other.chatbotIds[0]]: 4, [other.chatbotIds[1]]: 0 });
  });

  it("refuses an API key: the endpoint is for the dashboard only", async () => {
    expectError(await call("GET", "/api/workspace/stats", { key: tenant.apiKey }), 401, "unauthorized");
  });

  it("refuses a request without a session", async () => {
    expectError(await call("GET", "/api/workspace/stats"), 401, "unauthorized");
    expectError(await call("GET", "/api/workspace/stats", { headers: { cookie: "nexvio.session_token=forged" } }), 401, "unauthorized");
  });
});
