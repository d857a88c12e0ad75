import type { Page } from "@playwright/test";
import { createContactViaApi, uniqueName } from "./support/api";
import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";
import { E2E_BASE_URL, STAFF_STATE_FILE } from "./support/paths";

// Issue 14, Build item 1: a column chooser, metadata keys as columns, remembered per staff user.

const contactsTable = (page: Page) => page.getByRole("table", { name: "Contacts" });
const headers = (page: Page) => contactsTable(page).getByRole("columnheader");
const chooser = (page: Page) => page.getByRole("dialog", { name: "Choose columns" });
const phoneBox = (page: Page) => chooser(page).getByRole("checkbox", { name: "Phone" });

// Columns are per staff user: this spec works as the workspace's second staff member, so the specs
// running beside it (as the first) keep the default columns.
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeEach(async ({ page, seed }) => {
  const response = await page.request.post("/api/auth/sign-in/email", {
    data: { email: seed.secondStaff.email, password: seed.secondStaff.password },
    headers: { origin: E2E_BASE_URL },
  });
  expect(response.status()).toBe(200);
});

test("hide a column and add a metadata key as a column; both survive a reload", async ({ page, seed, browser }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const tag = uniqueName("Columnpick").replace(/\W/g, "");
  await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: `${tag} Ada`, metadata: { plan: "enterprise", seats: 40 } });
  await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: `${tag} Ben`, metadata: { seats: 2 } });
  await page.goto(`/contacts?search=${tag}&sort=name.asc`);
  await expect(headers(page)).toHaveText(["Name", "Email", "Phone", "Chatbot", "Metadata", "Created"].map((h) => new RegExp(`^${h}`)));

  await page.getByRole("button", { name: "Columns" }).click();
  // The box follows the saved choice, which changes a moment after the click (also while the saved
  // columns are still loading): click, then wait for it.
  await phoneBox(page).click();
  await expect(phoneBox(page)).not.toBeChecked();
  await chooser(page).getByLabel("Metadata key to show as a column").fill("plan");
  await chooser(page).getByRole("button", { name: "Add column" }).click();
  await chooser(page).getByLabel("Metadata key to show as a column").fill("plan");
  await chooser(page).getByRole("button", { name: "Add column" }).click();
  await expect(chooser(page).getByText("That key has a column already")).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-columns-chooser-1440", { fullPage: false });
  await page.keyboard.press("Escape");

  const expected = ["Name", "Email", "Chatbot", "Metadata", "Created", "plan"];
  await expect(headers(page)).toHaveText(expected.map((h) => new RegExp(`^${h}`)));
  const planCells = contactsTable(page).locator("tbody tr td:last-child");
  await expect(planCells).toHaveText(["enterprise", "—"]);

  // Remembered on the server: a reload (or another browser) shows the same columns.
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(headers(page)).toHaveText(expected.map((h) => new RegExp(`^${h}`)));
  await expect(planCells).toHaveText(["enterprise", "—"]);
  // The columns still share the width: nothing pushed off a 1440 px screen.
  const table = (await contactsTable(page).boundingBox())!;
  const last = (await headers(page).last().boundingBox())!;
  expect(last.x + last.width).toBeLessThanOrEqual(table.x + table.width + 1);
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-columns-1440");
  await page.emulateMedia({ colorScheme: "dark" });
  await saveScreenshot(page, "contacts-columns-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // Erin, the first staff member, still has the default columns.
  const erin = await browser.newContext({ storageState: STAFF_STATE_FILE });
  const erinsPage = await erin.newPage();
  await erinsPage.goto(`${E2E_BASE_URL}/contacts?search=${tag}`);
  await expect(headers(erinsPage)).toHaveText(["Name", "Email", "Phone", "Chatbot", "Metadata", "Created"].map((h) => new RegExp(`^${h}`)));
  await erin.close();

  await page.getByRole("button", { name: "Columns" }).click();
  await chooser(page).getByRole("button", { name: "Remove the plan column" }).click();
  await phoneBox(page).click();
  await expect(phoneBox(page)).toBeChecked();
  await page.keyboard.press("Escape");
  await expect(headers(page)).toHaveText(["Name", "Email", "Phone", "Chatbot", "Metadata", "Created"].map((h) => new RegExp(`^${h}`)));
});
