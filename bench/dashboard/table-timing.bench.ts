import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../../e2e/support/paths";
import { BENCH_CONTACTS, BENCH_STAFF, BENCH_STATE_FILE } from "./paths";

// Time from the user's action to the updated table on screen, measured in the browser:
// type a search (the time includes the table's 75 ms debounce) or click a sort header or "Next
// page", then wait until the new rows are rendered. Each action runs on a freshly loaded page, so
// React Query's cache never answers for the server.

const RUNS = 20;
const TABLE = "Contacts";

interface Sample {
  total: number;
  api: number;
  /** From the input event until the browser sent the request, and from the answer until the rows showed. */
  beforeRequest: number;
  afterAnswer: number;
}

async function freshTable(page: Page, query = "") {
  await page.goto(`/contacts${query}`);
  await expect(page.getByRole("table", { name: TABLE })).toHaveAttribute("aria-busy", "false", { timeout: 60_000 });
  await expect(page.getByRole("table", { name: TABLE }).getByRole("row").nth(1)).toBeVisible();
}

/**
 * Runs `act`, waits for the /v1/contacts answer matching `urlPart`, then for the table to show it.
 * The clock starts at the browser's input event (click, or the input that finished the typing), so
 * Playwright's own click mechanics are not counted, and the page checks every animation frame for
 * the new rows, so what is measured is what a person sees.
 */
async function measure(page: Page, urlPart: string, act: () => Promise<void>): Promise<Sample> {
  const responded = page.waitForResponse((r) => r.url().includes("/v1/contacts?") && r.url().includes(urlPart), { timeout: 60_000 });
  await page.evaluate(() => {
    const record = (event: Event) => ((window as unknown as { lastInputAt: number }).lastInputAt = event.timeStamp);
    document.addEventListener("click", record, { capture: true });
    document.addEventListener("input", record, { capture: true });
  });
  await act();
  const response = await responded;
  const timing = response.request().timing();
  const expected = `${(await response.json()).data.total} contacts`;
  const shown = await page.waitForFunction(
    (text) => {
      const table = document.querySelector("table[aria-busy]");
      const status = document.getElementById("contacts-status");
      const done = table?.getAttribute("aria-busy") === "false" && status?.textContent === text;
      if (!done) return false;
      const inputAt = (window as unknown as { lastInputAt: number }).lastInputAt;
      const request = performance.getEntriesByType("resource").filter((entry) => entry.name.includes("/v1/contacts?")).at(-1) as PerformanceResourceTiming;
      const now = performance.now();
      return { total: now - inputAt, beforeRequest: request.requestStart - inputAt, afterAnswer: now - request.responseEnd };
    },
    expected,
    { polling: "raf", timeout: 60_000 },
  );
  const { total, beforeRequest, afterAnswer } = (await shown.jsonValue()) as { total: number; beforeRequest: number; afterAnswer: number };
  return { total, api: timing.responseEnd - timing.requestStart, beforeRequest, afterAnswer };
}

function summarize(samples: Sample[]) {
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const totals = sorted(samples.map((s) => s.total));
  const apis = sorted(samples.map((s) => s.api));
  const median = (values: number[]) => values[Math.floor(values.length / 2)];
  return {
    median: median(totals),
    p95: totals[Math.ceil(totals.length * 0.95) - 1],
    min: totals[0],
    max: totals.at(-1)!,
    apiMedian: median(apis),
    beforeRequestMedian: median(sorted(samples.map((s) => s.beforeRequest))),
    afterAnswerMedian: median(sorted(samples.map((s) => s.afterAnswer))),
  };
}

test("contacts table: search and sort at scale", async ({ page }) => {
  const seeded = JSON.parse(fs.readFileSync(BENCH_STATE_FILE, "utf8")) as { seedSeconds: number };
  await page.goto("/login");
  await page.getByLabel("Email").fill(BENCH_STAFF.email);
  await page.getByLabel("Password").fill(BENCH_STAFF.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 60_000 });

  // A rare term: the exact email of a contact deep in the list.
  await freshTable(page, "?sort=email.asc&page=1500");
  const rareEmail = (await page.getByRole("table", { name: TABLE }).getByRole("row").nth(1).getByRole("cell").nth(1).innerText()).trim();

  const search = (term: string) => async () => {
    await freshTable(page);
    return measure(page, `search=${encodeURIComponent(term).replace(/%20/g, "+")}`, () =>
      page.getByRole("searchbox", { name: "Search contacts" }).fill(term),
    );
  };
  const clickHeader = (query: string, header: string, expected: string) => async () => {
    await freshTable(page, query);
    const sample = await measure(page, "sortBy=", () => page.getByRole("columnheader", { name: header }).getByRole("button").click());
    await expect(page.getByRole("columnheader", { name: header })).toHaveAttribute("aria-sort", expected);
    return sample;
  };
  const scenarios: [string, () => Promise<Sample>][] = [
    ["Search, common term (\"son\")", search("son")],
    ["Search, common term (\"gmail\")", search("gmail")],
    [`Search, rare term (one contact's email)`, search(rareEmail)],
    ["Search, 2 characters (\"an\")", search("an")],
    ["Search, no match (\"zqxjv\")", search("zqxjv")],
    ["Sort by Name (click header)", clickHeader("", "Name", "ascending")],
    ["Sort by Email, descending (second click)", clickHeader("?sort=email.asc", "Email", "descending")],
    ["Sort by Created, oldest first", clickHeader("", "Created", "ascending")],
    [
      "Next page (sorted by name)",
      async () => {
        await freshTable(page, "?sort=name.asc");
        return measure(page, "offset=25", () => page.getByRole("navigation", { name: "Pagination" }).getByRole("button", { name: "Next page" }).click());
      },
    ],
  ];

  const rows: string[] = [];
  for (const [label, run] of scenarios) {
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await run());
    const s = summarize(samples);
    rows.push(`| ${label} | ${s.median.toFixed(0)} | ${s.p95.toFixed(0)} | ${s.min.toFixed(0)} | ${s.max.toFixed(0)} | ${s.beforeRequestMedian.toFixed(0)} | ${s.apiMedian.toFixed(0)} | ${s.afterAnswerMedian.toFixed(0)} |`);
    console.log(`${label}: median ${s.median.toFixed(0)} ms (before request ${s.beforeRequestMedian.toFixed(0)}, API ${s.apiMedian.toFixed(0)}, after answer ${s.afterAnswerMedian.toFixed(0)} ms)`);
  }

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const document = [
    "# Dashboard performance: the contacts table at scale",
    "",
    "Measured by `npm run bench:dashboard` (bench/dashboard/): a fresh SQLite database seeded with",
    `\`nexvio seed --contacts ${BENCH_CONTACTS}\` (${seeded.seedSeconds.toFixed(1)} s), the production build, headless Chromium.`,
    `Each action runs ${RUNS} times on a freshly loaded page (no cached answers). **To table** is the time from`,
    "the browser's input event (the click, or the last keystroke of the search) until the new rows are on",
    "screen, measured in the page every animation frame; for searches it includes the table's 75 ms",
    "debounce. It is split into the time until the browser sent the request, the request (**API**),",
    "and the time from the answer until the rows show.",
    "",
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
    `- Workspace: ${BENCH_CONTACTS.toLocaleString("en-US")} contacts, page size 25`,
    "",
    "| Action | To table, median (ms) | p95 | min | max | input → request sent | API | answer → rows shown |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    "What the rest of the time is: React rendering 25 rows in headless Chromium without a GPU, on the",
    "same 2 cores as the server. Found and fixed while measuring: every row's link prefetched its contact",
    "page (25 server renders per table page, which delayed each sort by ~200 ms), and view changes went",
    "through the router, which re-rendered the page on the server; now rows do not prefetch and the",
    "view is written with the History API. Then (issue 14): the search debounce went from 250 to 75 ms,",
    "and a view's rows are requested as soon as the view changes instead of after React has rendered",
    "the table for the new URL (~40 ms earlier); the previous rows stay (dimmed, without the fade that",
    "kept the browser painting for 150 ms) until the new ones land, and a request for a view left",
    "behind is cancelled. What is left after the answer is mostly the browser's style, layout and paint",
    "of the table (a CPU profile of a sort click: ~50 ms of JavaScript in all, most of the rest native).",
    "Re-run after changes and commit the new table.",
    "",
  ].join("\n");
  fs.writeFileSync(path.join(REPO_ROOT, "docs", "dashboard-performance.md"), document);
});
