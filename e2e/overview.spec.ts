import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

// The overview's figures come from the seeded demo workspace (200 generated contacts and one more
// from the seed script); the API reference renders the served OpenAPI document.

const DEMO_CHATBOTS = ["Website assistant", "Support bot", "Sales concierge"];
const CHART_NAME = "New contacts per day (last 90 days)";

async function openOverviewChart(page: Page) {
  await page.goto("/");
  const chart = page.getByRole("figure", { name: CHART_NAME });
  const surface = chart.getByRole("application", { name: CHART_NAME });
  await expect(surface.locator("[data-day]")).toHaveCount(90);
  return { chart, surface, tooltip: surface.locator("[data-chart-tooltip]"), announcement: surface.getByRole("status") };
}

/** Every label of the chart's axes is inside the chart, and no two day labels overlap. */
async function expectReadableAxes(surface: Locator) {
  const svg = await surface.locator("svg").evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
  const boxes = (selector: string) =>
    surface.locator(selector).evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect().toJSON() as DOMRect));
  const all = await boxes("svg text");
  for (const box of all) {
    expect(box.left).toBeGreaterThanOrEqual(svg.left);
    expect(box.right).toBeLessThanOrEqual(svg.right);
    expect(box.top).toBeGreaterThanOrEqual(svg.top);
    expect(box.bottom).toBeLessThanOrEqual(svg.bottom);
  }
  const days = await boxes('[data-axis="x"] text');
  expect(days.length).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < days.length; i++) expect(days[i].left - days[i - 1].right, "gap between day labels").toBeGreaterThanOrEqual(8);
}

test("the overview shows the workspace's totals, contacts per chatbot and new contacts per day", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  const total = page.getByRole("group", { name: "Contacts", exact: true });
  await expect(total).toContainText(/\d/);
  expect(Number((await total.innerText()).match(/[\d,]+/)?.[0].replace(/,/g, ""))).toBeGreaterThanOrEqual(200);
  await expect(page.getByRole("group", { name: "New this week" })).toContainText(/\d/);

  const perChatbot = page.getByRole("table", { name: "Contacts per chatbot" });
  for (const name of DEMO_CHATBOTS) {
    await expect(perChatbot.getByRole("rowheader", { name })).toBeVisible();
  }

  const chart = page.getByRole("figure", { name: CHART_NAME });
  await expect(chart).toBeVisible();
  await expect(chart.getByRole("list", { name: "Legend" }).getByRole("listitem")).toHaveText(DEMO_CHATBOTS);
  await expect(chart.getByRole("application")).toBeVisible();

  await chart.getByText("Show the data as a table").click();
  await expect(chart.getByRole("region", { name: "New contacts per day, as a table" }).getByRole("row")).toHaveCount(91);

  await expectAccessible(page);
  await saveScreenshot(page, "overview");
});

test("the chart shows a day's figures under the pointer and from the keyboard", async ({ page }) => {
  const { chart, surface, tooltip, announcement } = await openOverviewChart(page);
  await expectReadableAxes(surface);

  // The tallest bar is the busiest day the summary names, and its tooltip says so.
  const [, busiestDay, busiestTotal] = (await chart.locator("figcaption p").innerText()).match(/busiest day was (.+?) with (\d+)\./) ?? [];
  const totals = await surface.locator("[data-day]").evaluateAll((days) => days.map((day) => Number(day.getAttribute("data-total"))));
  const tallest = totals.indexOf(Math.max(...totals));
  expect(totals[tallest]).toBe(Number(busiestTotal));
  await expect(tooltip).toBeHidden();
  await surface.locator("[data-day]").nth(tallest).hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(busiestDay);
  await expect(tooltip).toContainText(`Total ${busiestTotal}`);
  for (const name of DEMO_CHATBOTS) await expect(tooltip).toContainText(name);
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();

  // The data table lists the days newest first: what the keyboard should walk through.
  await chart.getByText("Show the data as a table").click();
  const dayHeaders = chart.getByRole("region", { name: "New contacts per day, as a table" }).getByRole("rowheader");
  const [today, yesterday, firstDay] = await Promise.all([dayHeaders.first().innerText(), dayHeaders.nth(1).innerText(), dayHeaders.last().innerText()]);

  await page.keyboard.press("Shift+Tab"); // from the table's toggle, just clicked, back to the chart
  await expect(surface).toBeFocused();
  await expect(announcement).toHaveText(new RegExp(`^${today}: \\d+ new contacts?`));
  await expect(tooltip).toContainText(today);

  await page.keyboard.press("ArrowLeft");
  await expect(announcement).toHaveText(new RegExp(`^${yesterday}: \\d+ new contacts? \\(Website assistant \\d+, Support bot \\d+, Sales concierge \\d+\\)\\.$`));
  await expect(tooltip).toContainText(yesterday);
  await page.keyboard.press("Home");
  await expect(announcement).toContainText(firstDay);
  await page.keyboard.press("ArrowLeft");
  await expect(announcement).toContainText(firstDay);
  await page.keyboard.press("End");
  await expect(announcement).toContainText(today);
  await expect(tooltip).toContainText(today);
  await expectAccessible(page);
  await saveScreenshot(page, "overview-chart-keyboard");

  await page.keyboard.press("Escape");
  await expect(tooltip).toBeHidden();
  await expect(announcement).toHaveText("");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the chart fills its card, its labels stay apart and a tap shows the day", async ({ page }) => {
    const { chart, surface, tooltip } = await openOverviewChart(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const [figureBox, svgBox] = await Promise.all([chart.boundingBox(), surface.locator("svg").boundingBox()]);
    expect(svgBox!.width).toBeCloseTo(figureBox!.width, 0);
    await expectReadableAxes(surface);

    // The seed is random: tap the day with contacts nearest the middle, where the tooltip has least room.
    const totals = await surface.locator("[data-day]").evaluateAll((days) => days.map((day) => Number(day.getAttribute("data-total"))));
    const middle = totals.map((total, day) => ({ total, day })).filter(({ total }) => total > 0).sort((a, b) => Math.abs(a.day - 45) - Math.abs(b.day - 45))[0].day;
    await surface.locator("[data-day]").nth(middle).tap();
    await expect(tooltip).toBeVisible();
    const tip = (await tooltip.boundingBox())!;
    expect(tip.x).toBeGreaterThanOrEqual(svgBox!.x);
    expect(tip.x + tip.width).toBeLessThanOrEqual(svgBox!.x + svgBox!.width);

    await expectAccessible(page);
    await saveScreenshot(page, "overview-mobile");
  });
});

test.describe("in dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("the chart's axes and tooltip follow the dark theme and stay accessible", async ({ page }) => {
    const { chart, surface, tooltip } = await openOverviewChart(page);
    // The axes' labels are drawn in the colour of the card's secondary text (the summary's), light on dark.
    const axisColour = await surface.locator('[data-axis="x"] text').first().evaluate((text) => getComputedStyle(text).fill);
    expect(axisColour).toBe(await chart.locator("figcaption p").evaluate((p) => getComputedStyle(p).color));

    await surface.focus();
    await page.keyboard.press("ArrowLeft");
    await expect(tooltip).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, "overview-dark");
  });
});

test("the overview links to the API reference, which lists the API's operations", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api-reference$/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("link", { name: "API keys" }).last()).toHaveAttribute("href", "/settings/api-keys");

  // The viewer is an 860 KB bundle loaded on this page only; a busy CI machine takes a while.
  await expect(page.getByText("List contacts").first()).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText("/v1/contacts", { exact: true }).first()).toBeVisible();

  await expectAccessible(page);
  await saveScreenshot(page, "api-reference");
});
