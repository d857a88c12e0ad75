import autocannon from "autocannon";
import { SCENARIOS, type Scenario, type Workload } from "./scenarios";

export interface Target {
  url: string;
  apiKey: string;
}

export interface ScenarioResult {
  scenario: Scenario;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function apiGet<T>(target: Target, path: string): Promise<T> {
  const response = await fetch(target.url + path, { headers: { authorization: `Bearer ${target.apiKey}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: T }).data;
}

interface ContactPage {
  contacts: { id: string; chatbotId: string; email: string | null; metadata: Record<string, unknown> }[];
  total: number;
  nextCursor: string | null;
}

/** Ids, a chatbot and search terms of the workspace behind the key. */
export async function gatherWorkload(target: Target): Promise<Workload & { total: number; matches: Record<string, number> }> {
  const first = await apiGet<ContactPage>(target, "/v1/contacts?limit=500");
  const offsets = Array.from({ length: 4 }, () => Math.floor(Math.random() * Math.max(1, first.total - 500)));
  const pages = [first, ...(await Promise.all(offsets.map((offset) => apiGet<ContactPage>(target, `/v1/contacts?limit=500&offset=${offset}`))))];
  const contacts = pages.flatMap((page) => page.contacts);
  // A rare term: most of one contact's email address, which few others share.
  const rareTerm = contacts.find((contact) => contact.email && contact.email.length > 14)?.email?.slice(0, 12) ?? "zzz";
  // A selective metadata filter: one contact's company (a few contacts share a company name).
  const company = String(contacts.find((contact) => typeof contact.metadata.company === "string")?.metadata.company ?? "none");
  const workload = { contactIds: contacts.map((c) => c.id), chatbotId: first.contacts[0].chatbotId, commonTerm: "gmail", rareTerm, shortTerm: "an", company };
  const matches: Record<string, number> = {};
  for (const term of [workload.commonTerm, workload.rareTerm, workload.shortTerm]) {
    matches[term] = (await apiGet<ContactPage>(target, `/v1/contacts?limit=1&search=${encodeURIComponent(term)}`)).total;
  }
  matches[`company=${company}`] = (await apiGet<ContactPage>(target, `/v1/contacts?limit=1&metadataKey=company&metadataValue=${encodeURIComponent(company)}`)).total;
  // Cursors to the page after the first 5,000 contacts, in the default order and by name.
  const cursorAfter5000 = async (sort: string) => (await apiGet<ContactPage>(target, `/v1/contacts?limit=100&offset=4900${sort}`)).nextCursor ?? "";
  const cursors = { newestAfter5000: await cursorAfter5000(""), byNameAfter5000: await cursorAfter5000("&sortBy=name&sortOrder=asc") };
  return { ...workload, cursors, total: first.total, matches };
}

export async function measureScenario(target: Target, scenario: Scenario, workload: Workload, options: { connections: number; seconds: number }): Promise<ScenarioResult> {
  const result = await autocannon({
    url: target.url,
    connections: options.connections,
    duration: options.seconds,
    headers: { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json" },
    requests: [
      {
        method: scenario.method,
        // Fresh path and body per request: random ids, unique emails.
        setupRequest: (request) => ({
          ...request,
          path: scenario.path(workload),
          body: scenario.body ? JSON.stringify(scenario.body(workload)) : undefined,
        }),
      },
    ],
  });
  return {
    scenario,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export async function measureAll(target: Target, workload: Workload, options: { connections: number; seconds: number; log: (line: string) => void }): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of SCENARIOS) {
    // A short warm-up so that the first compiled route or cold page cache does not land in the figures.
    await measureScenario(target, scenario, workload, { connections: options.connections, seconds: 1 });
    const result = await measureScenario(target, scenario, workload, options);
    options.log(formatResult(result));
    results.push(result);
  }
  return results;
}

export function formatResult(r: ScenarioResult): string {
  return `${r.scenario.name.padEnd(32)} ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50Ms).padStart(4)} ms  p99 ${String(r.p99Ms).padStart(4)} ms  non-2xx ${r.non2xx}`;
}
