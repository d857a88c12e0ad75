import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

test.describe("dark mode follows the system", () => {
  test.use({ colorScheme: "dark" });

  test("pages render dark and stay accessible (contrast included)", async ({ page, seed }) => {
    await page.goto("/contacts");
    await expect(page.getByRole("table", { name: "Contacts" })).toHaveAttribute("aria-busy", "false");
    const background = await page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
    expect(background).not.toBe("rgb(248, 250, 252)"); // not the light theme's slate-50
    await expectAccessible(page);
    await saveScreenshot(page, "contacts-dark");

    await page.goto(`/contacts/${seed.timelineContactId}`);
    await expect(page.getByRole("region", { name: "Conversations" }).getByRole("article").first()).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, "contact-dark");
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the shell and the contacts (as cards) fit a narrow screen", async ({ page }) => {
    await page.goto("/contacts");
    await expect(page.getByRole("list", { name: "Contacts" }).getByRole("link").first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0); // nothing is wider than the phone
    await expectAccessible(page);
    await saveScreenshot(page, "contacts-mobile");
  });
});

test("the table can be driven from the keyboard alone", async ({ page }) => {
  await page.goto("/contacts");
  await expect(page.getByRole("table", { name: "Contacts" })).toHaveAttribute("aria-busy", "false");

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");

  const search = page.getByRole("searchbox", { name: "Search contacts" });
  await search.focus();
  await page.keyboard.type("timeline");
  await expect(page).toHaveURL(/search=timeline/);

  const nameSort = page.getByRole("columnheader", { name: "Name" }).getByRole("button");
  await nameSort.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");

  const link = page.getByRole("link", { name: "Timeline Tester" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Timeline Tester" })).toBeVisible();
});
