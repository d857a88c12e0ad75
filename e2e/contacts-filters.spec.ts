import type { Page } from "@playwright/test";
import { createContactViaApi, uniqueName } from "./support/api";
import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

// Issue 14, Build item 1: a dense, steady contacts table.

const contactsTable = (page: Page) => page.getByRole("table", { name: "Contacts" });
const scrollBox = (page: Page) => page.getByTestId("contacts-scroll");

test("one line per row; header, toolbar and page controls stay visible while the rows scroll", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/contacts?size=100");
  const firstRow = contactsTable(page).getByRole("row").nth(1);
  await expect(firstRow).toBeVisible();
  await expect(contactsTable(page).getByRole("row")).toHaveCount(101);

  const heights = await contactsTable(page)
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => Math.round(row.getBoundingClientRect().height)));
  expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(1);

  const topPages = page.getByRole("navigation", { name: "Pages, top" });
  await expect(topPages.getByText(/^1–100 of [\d,]+$/)).toBeVisible();

  const header = contactsTable(page).getByRole("columnheader", { name: /Created/ });
  const before = (await header.boundingBox())!;
  await scrollBox(page).evaluate((box) => box.scrollTo(0, 2000));
  await expect(firstRow).not.toBeInViewport();
  const after = (await header.boundingBox())!;
  expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(1);
  await expect(header).toBeInViewport();
  await expect(page.getByRole("searchbox", { name: "Search contacts" })).toBeInViewport();
  await expect(topPages).toBeInViewport();
  // Nothing inside the scrolling box (screen-reader-only text included) stretches the page itself.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1200);
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-dense-scrolled-1440");
});

test("many metadata entries stay on one line: two chips, then +N with all of them on hover", async ({ page, seed }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const tag = uniqueName("Densemeta").replace(/\W/g, "");
  await createContactViaApi(seed.apiKey, {
    chatbotId: seed.chatbotIds[0],
    name: tag,
    metadata: { plan: "enterprise-annual", seats: 120, region: "eu-west", source: "webinar" },
  });
  await page.goto(`/contacts?search=${encodeURIComponent(tag)}`);
  const metadata = contactsTable(page).getByRole("list", { name: "Metadata" });
  await expect(metadata.getByRole("listitem")).toHaveCount(3);
  await expect(metadata.getByRole("listitem").last()).toHaveText("+2 more");
  // Every entry in the hover card: on hover, and on keyboard focus (Escape closes it).
  const card = page.getByRole("tooltip");
  await metadata.hover();
  await expect(card).toHaveText("planenterprise-annualseats120regioneu-westsourcewebinar");
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-metadata-card-1440", { fullPage: false });
  await page.mouse.move(5, 5, { steps: 8 });
  await page.mouse.move(10, 10);
  await expect(card).toHaveCount(0);
  await metadata.focus();
  await expect(card).toHaveText(/^plan.*source/);
  await expect(metadata).toHaveAttribute("aria-describedby", /.+/);
  await page.keyboard.press("Escape");
  await expect(card).toHaveCount(0);
  const box = (await metadata.boundingBox())!;
  const chip = (await metadata.getByRole("listitem").first().boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(chip.height + 1);
  await expect(contactsTable(page).getByRole("row").nth(1).locator("time")).toHaveAttribute("title", /\d{4}/);
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-dense-1440");

  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-dense-dark");
  await page.emulateMedia({ colorScheme: "light" });
});

test("under 640 px the cards stay and the top page controls give way", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/contacts");
  await expect(page.getByRole("list", { name: "Contacts", exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pages, top" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-dense-390");
});
