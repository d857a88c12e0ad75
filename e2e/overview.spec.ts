import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

// The overview's figures come from the seeded demo workspace (200 generated contacts and one more
// from the seed script); the API reference renders the served OpenAPI document.

const DEMO_CHATBOTS = ["Website assistant", "Support bot", "Sales concierge"];
const CHART_NAME = "New contacts per day (last 90 days)";

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
