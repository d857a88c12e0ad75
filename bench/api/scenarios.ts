// The requests `npm run bench` measures, in the order of the target table. Each builds its
// request from the workspace's own data (ids, a chatbot, search terms) gathered beforehand.

export interface Workload {
  contactIds: string[];
  chatbotId: string;
  commonTerm: string;
  rareTerm: string;
  shortTerm: string;
  /** A company in some contacts' metadata, for a selective metadata filter. */
  company: string;
  /** `nextCursor`s of the page that ends at the 5,000th contact. */
  cursors: { newestAfter5000: string; byNameAfter5000: string };
}

export interface Scenario {
  name: string;
  /** p99 target in ms and throughput target in req/s, from the issue (1,000,000 contacts). */
  p99TargetMs: number;
  minRequestsPerSecond?: number;
  method: "GET" | "POST" | "PATCH";
  path: (workload: Workload) => string;
  body?: (workload: Workload) => unknown;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
let counter = 0;

export const SCENARIOS: Scenario[] = [
  { name: "list, default page", p99TargetMs: 15, minRequestsPerSecond: 700, method: "GET", path: () => "/v1/contacts" },
  {
    name: "list by name asc, offset 5,000",
    p99TargetMs: 20,
    method: "GET",
    path: () => "/v1/contacts?sortBy=name&sortOrder=asc&offset=5000",
  },
  {
    name: "list by cursor, after 5,000",
    p99TargetMs: 15,
    method: "GET",
    path: (w) => `/v1/contacts?cursor=${encodeURIComponent(w.cursors.newestAfter5000)}`,
  },
  {
    name: "list by name asc, by cursor after 5,000",
    p99TargetMs: 15,
    method: "GET",
    path: (w) => `/v1/contacts?sortBy=name&sortOrder=asc&cursor=${encodeURIComponent(w.cursors.byNameAfter5000)}`,
  },
  {
    name: "search, common term",
    p99TargetMs: 150,
    method: "GET",
    path: (w) => `/v1/contacts?search=${encodeURIComponent(w.commonTerm)}`,
  },
  { name: "search, rare term", p99TargetMs: 40, method: "GET", path: (w) => `/v1/contacts?search=${encodeURIComponent(w.rareTerm)}` },
  {
    name: "search, 2 characters",
    p99TargetMs: 800,
    method: "GET",
    path: (w) => `/v1/contacts?search=${encodeURIComponent(w.shortTerm)}`,
  },
  {
    name: "metadata company = one contact's",
    p99TargetMs: 200,
    method: "GET",
    path: (w) => `/v1/contacts?metadataKey=company&metadataValue=${encodeURIComponent(w.company)}`,
  },
  {
    name: "get by id (random)",
    p99TargetMs: 5,
    minRequestsPerSecond: 2500,
    method: "GET",
    path: (w) => `/v1/contacts/${pick(w.contactIds)}`,
  },
  {
    name: "create",
    p99TargetMs: 30,
    method: "POST",
    path: () => "/v1/contacts",
    body: (w) => ({ chatbotId: w.chatbotId, name: `Bench Contact ${++counter}`, email: `bench.${counter}.${Date.now()}@example.com` }),
  },
  {
    name: "patch metadata (random id)",
    p99TargetMs: 10,
    method: "PATCH",
    path: (w) => `/v1/contacts/${pick(w.contactIds)}`,
    body: () => ({ metadata: { benchRun: ++counter, plan: pick(["free", "pro", "enterprise"]) } }),
  },
];
