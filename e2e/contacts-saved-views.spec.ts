import type { Page } from "@playwright/test";
import { createContactViaApi, uniqueName } from "./support/api";
import { expect, expectAccessible, saveScreenshot, test, type E2eSeed } from "./support/fixtures";

// Issue 14, Build item 2: filters as removable chips, all in the URL, and saved views in the sidebar.

const contactsTable = (page: Page) => page.getByRole("table", { name: "Contacts" });
const rowNames = (page: Page) => contactsTable(page).locator("tbody tr td:first-child");
const chips = (page: Page) => page.getByRole("list", { name: "Filters in use" }).getByRole("listitem");
const filterPanel = (page: Page) => page.getByRole("dialog", { name: "Filter contacts" });
const savedViews = (page: Page) => page.getByRole("navigation", { name: "Saved views" });

/** Three contacts of one tag: two on the pro plan (one written "Pro"), one of them with a phone. */
async function threeContacts(seed: E2eSeed, prefix: string) {
  const tag = uniqueName(prefix).replace(/\W/g, "");
  const chatbotId = seed.chatbotIds[0];
  await createContactViaApi(seed.apiKey, { chatbotId, name: `${tag} Ada`, email: `ada.${tag}@example.com`, phone: "+15550001111", metadata: { plan: "pro" } });
  await createContactViaApi(seed.apiKey, { chatbotId, name: `${tag} Ben`, email: `ben.${tag}@example.com`, metadata: { plan: "free" } });
  await createContactViaApi(seed.apiKey, { chatbotId, name: `${tag} Cleo`, metadata: { plan: "Pro", seats: 3 } });
  return tag;
}

async function openFilters(page: Page) {
  await page.getByRole("button", { name: /^Filters/ }).click();
  await expect(filterPanel(page)).toBeVisible();
  return filterPanel(page);
}

test("filters: metadata, phone and created dates as removable chips, all in the URL", async ({ page, seed }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const tag = await threeContacts(seed, "Chipfilter");
  await page.goto(`/contacts?search=${tag}&sort=name.asc`);
  await expect(rowNames(page)).toHaveText([`${tag} Ada`, `${tag} Ben`, `${tag} Cleo`]);

  let panel = await openFilters(page);
  await panel.getByLabel("Key").fill("plan");
  await panel.getByLabel("Condition").selectOption("equals");
  await panel.getByLabel("Value").fill("pro");
  await panel.getByRole("button", { name: "Apply filters" }).click();
  await expect(filterPanel(page)).toHaveCount(0);
  await expect(page).toHaveURL(/meta=plan&match=equals&value=pro/);
  await expect(rowNames(page)).toHaveText([`${tag} Ada`, `${tag} Cleo`]);
  await expect(chips(page)).toHaveText(["plan is “pro”"]);

  panel = await openFilters(page);
  await expect(panel.getByLabel("Value")).toHaveValue("pro");
  await panel.getByLabel("Phone").selectOption("yes");
  await panel.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/phone=yes/);
  await expect(rowNames(page)).toHaveText([`${tag} Ada`]);
  await expect(chips(page)).toHaveText(["plan is “pro”", "Has a phone"]);
  await expect(page.getByRole("button", { name: "Filters, 2 set" })).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-filter-chips-1440");

  // A link carries the filters: a reload shows the same list.
  await page.reload();
  await expect(chips(page)).toHaveText(["plan is “pro”", "Has a phone"]);
  await expect(rowNames(page)).toHaveText([`${tag} Ada`]);

  await page.getByRole("button", { name: "Remove filter: Has a phone" }).click();
  await expect(chips(page)).toHaveText(["plan is “pro”"]);
  await expect(rowNames(page)).toHaveText([`${tag} Ada`, `${tag} Cleo`]);
  await expect(page).not.toHaveURL(/phone=/);

  // The last day of a range is included: contacts created today are in "today – today".
  const today = new Date().toISOString().slice(0, 10);
  panel = await openFilters(page);
  await panel.getByLabel("From").fill(today);
  await panel.getByLabel("To").fill(today);
  await panel.getByRole("button", { name: "Apply filters" }).click();
  await expect(rowNames(page)).toHaveText([`${tag} Ada`, `${tag} Cleo`]);
  await expect(chips(page).nth(1)).toHaveText(/^Created \d{1,2} \w{3} \d{4}$/);

  // The form says what is missing, in an agent's words, and changes nothing.
  panel = await openFilters(page);
  await panel.getByLabel("Condition").selectOption("contains");
  await panel.getByLabel("Value").fill("");
  await panel.getByRole("button", { name: "Apply filters" }).click();
  await expect(panel.getByText("Enter the value to look for")).toBeVisible();
  await expect(panel.getByLabel("Value")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-filter-panel-1440", { fullPage: false });
  await page.keyboard.press("Escape");
  await expect(filterPanel(page)).toHaveCount(0);
  await expect(chips(page)).toHaveCount(2);

  // Nothing created after today: the empty list says why and clears everything.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/contacts?search=${tag}&from=${tomorrow}&meta=plan`);
  await expect(page.getByText(`No contacts match “${tag}” with these filters`)).toBeVisible();
  await page.getByRole("button", { name: "Clear search and filters" }).click();
  await expect(chips(page)).toHaveCount(0);
  await expect(page).toHaveURL(/\/contacts$/);
});

test("a saved view: named, shared, in the sidebar, restores its filters and sort; deleted by its owner", async ({ page, seed }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const tag = await threeContacts(seed, "Savedview");
  const name = `Pro plan ${tag.slice(-6)}`;
  await page.goto(`/contacts?search=${tag}&meta=plan&match=equals&value=pro&sort=name.desc&size=50`);
  await expect(rowNames(page)).toHaveText([`${tag} Cleo`, `${tag} Ada`]);

  await page.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save this view" });
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog.getByText("Enter a name for the view")).toBeVisible();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel(/Share with the workspace/).check();
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toHaveCount(0);

  const link = savedViews(page).getByRole("link", { name: new RegExp(`^${name}`) });
  await expect(link).toHaveAccessibleName(`${name} (shared)`);
  await expect(link).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-saved-view-1440");

  // The same name again is refused under the field.
  await page.getByRole("button", { name: "Save view" }).click();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog.getByText("You already have a view with this name")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Elsewhere, then back through the sidebar: the search, filter, sort and page size come back.
  await page.goto("/contacts?page=2");
  await expect(link).not.toHaveAttribute("aria-current", "page");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`search=${tag}&meta=plan&match=equals&value=pro&sort=name.desc&size=50$`));
  await expect(chips(page)).toHaveText(["plan is “pro”"]);
  await expect(rowNames(page)).toHaveText([`${tag} Cleo`, `${tag} Ada`]);
  await expect(link).toHaveAttribute("aria-current", "page");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(link).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-saved-view-390");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-saved-view-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // Kept on the server: a reload still lists it. Its owner deletes it.
  await page.reload();
  await link.hover();
  await savedViews(page).getByRole("button", { name: `Delete the view ${name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete view" }).click();
  await expect(link).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Contacts" })).toBeVisible();
  await expect(savedViews(page).getByRole("link", { name: new RegExp(`^${name}`) })).toHaveCount(0);
});
