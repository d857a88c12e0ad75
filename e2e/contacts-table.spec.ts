import type { Page } from "@playwright/test";
import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

// The page controls below the table (a compact copy sits above it, "Pages, top").
const bottomPages = (page: Page) => page.getByRole("navigation", { name: "Pagination" });
const rangeText = (page: Page) => bottomPages(page).getByText(/ of [\d,]+$/).first();
const bodyRows = (page: Page) => page.getByRole("table", { name: "Contacts" }).getByRole("row").filter({ has: page.getByRole("cell") });
const columnCells = (page: Page, column: number) => bodyRows(page).locator(`td:nth-child(${column})`);

// SQL compares text byte by byte (binary collation); so does this. Contacts without a name
// ("No name" in the table) come last in both directions.
const binaryOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function expectSorted(names: string[], direction: "asc" | "desc") {
  const firstUnnamed = names.indexOf("No name");
  const named = firstUnnamed === -1 ? names : names.slice(0, firstUnnamed);
  expect(names.slice(named.length).every((name) => name === "No name")).toBe(true);
  const sorted = [...named].sort(binaryOrder);
  expect(named).toEqual(direction === "asc" ? sorted : sorted.reverse());
}

async function waitForTable(page: Page) {
  await expect(bodyRows(page).first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Contacts" })).toHaveAttribute("aria-busy", "false");
}

test("the contacts table is accessible and shows a page of 25", async ({ page }) => {
  await page.goto("/contacts");
  await waitForTable(page);
  await expect(bodyRows(page)).toHaveCount(25);
  await expect(rangeText(page)).toHaveText(/^1–25 of \d{3}/);
  await expectAccessible(page);
  await saveScreenshot(page, "contacts");
});

test("search narrows the table and the URL, back restores it, and an empty result says so", async ({ page }) => {
  await page.goto("/contacts");
  await waitForTable(page);
  const search = page.getByRole("searchbox", { name: "Search contacts" });
  await search.fill("timeline tes");
  await expect(page).toHaveURL(/\/contacts\?search=timeline\+tes$/);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Timeline Tester" })).toBeVisible();
  await expect(rangeText(page)).toHaveText("1–1 of 1");

  await page.goBack();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(search).toHaveValue("");
  await expect(bodyRows(page)).toHaveCount(25);

  await search.fill("zzqxj");
  await expect(page.getByText("No contacts match “zzqxj”")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(bodyRows(page)).toHaveCount(25);
});

test("clicking a header sorts by it, shows the direction, and the sort survives a reload", async ({ page }) => {
  await page.goto("/contacts");
  await waitForTable(page);
  const nameHeader = page.getByRole("columnheader", { name: "Name" });
  await expect(nameHeader).toHaveAttribute("aria-sort", "none");
  await expect(page.getByRole("columnheader", { name: "Created" })).toHaveAttribute("aria-sort", "descending");

  await nameHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=name\.asc/);
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await waitForTable(page);
  const ascending = await columnCells(page, 1).allInnerTexts();
  expectSorted(ascending, "asc");

  await page.reload();
  await waitForTable(page);
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  expectSorted(await columnCells(page, 1).allInnerTexts(), "asc");

  await nameHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=name\.desc/);
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect.poll(async () => (await columnCells(page, 1).allInnerTexts())[0]).not.toBe(ascending[0]);
  const descending = await columnCells(page, 1).allInnerTexts();
  expectSorted(descending, "desc");

  await page.getByRole("columnheader", { name: "Email" }).getByRole("button").click();
  await expect(page).toHaveURL(/sort=email\.asc/);
  await expect(page.getByRole("columnheader", { name: "Email" })).toHaveAttribute("aria-sort", "ascending");
  await expect(nameHeader).toHaveAttribute("aria-sort", "none");
});

test("pagination moves through pages and the page size changes how many rows show", async ({ page }) => {
  // Other specs add contacts while this runs, so totals are read from the page, not fixed.
  await page.goto("/contacts?sort=name.asc");
  await waitForTable(page);
  await expect(rangeText(page)).toHaveText(/^1–25 of \d{3}/);
  const firstPage = await columnCells(page, 1).allInnerTexts();

  await bottomPages(page).getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rangeText(page)).toHaveText(/^26–50 of /);
  await waitForTable(page);
  const secondPage = await columnCells(page, 1).allInnerTexts();
  expect(secondPage.some((name) => firstPage.includes(name) && name !== "No name")).toBe(false);

  await bottomPages(page).getByRole("button", { name: "Previous page" }).click();
  await expect(rangeText(page)).toHaveText(/^1–25 of /);

  await page.getByLabel("Rows per page").selectOption("50");
  await expect(page).toHaveURL(/size=50/);
  await expect(page).not.toHaveURL(/page=/);
  await expect(rangeText(page)).toHaveText(/^1–50 of /);
  await expect(bodyRows(page)).toHaveCount(50);

  await bottomPages(page).getByRole("button", { name: "Last page" }).click();
  await expect(page).toHaveURL(/page=\d+/);
  await expect(bottomPages(page).getByRole("button", { name: "Next page" })).toBeDisabled();
  const [, from, to, total] = (await rangeText(page).innerText()).replace(/,/g, "").match(/^(\d+)–(\d+) of (\d+)$/)!.map(Number);
  const lastPage = Math.ceil(total / 50);
  expect(page.url()).toContain(`page=${lastPage}`);
  expect([from, to]).toEqual([(lastPage - 1) * 50 + 1, total]);
  await expect(bodyRows(page)).toHaveCount(total - from + 1);

  await bottomPages(page).getByRole("button", { name: "First page" }).click();
  await expect(rangeText(page)).toHaveText(/^1–50 of /);
  await expect(bottomPages(page).getByRole("button", { name: "Previous page" })).toBeDisabled();
});

test("the chatbot filter shows only that chatbot's contacts", async ({ page }) => {
  await page.goto("/contacts");
  await waitForTable(page);
  await page.getByRole("combobox", { name: "Chatbot" }).selectOption({ label: "Support bot" });
  await expect(page).toHaveURL(/chatbot=chatbot_/);
  await waitForTable(page);
  await expect.poll(async () => new Set(await columnCells(page, 4).allInnerTexts())).toEqual(new Set(["Support bot"]));
});

test("a row opens its contact", async ({ page, seed }) => {
  await page.goto("/contacts?search=Timeline%20Tester");
  await expect(bodyRows(page)).toHaveCount(1);
  await bodyRows(page).first().getByRole("cell").nth(1).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${seed.timelineContactId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Timeline Tester" })).toBeVisible();
});
