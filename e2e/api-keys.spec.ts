import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";
import { E2E_BASE_URL } from "./support/paths";

// An integration's key, from the dashboard to the API and back: create it, use it, revoke it.

const contactsWith = (key: string) => fetch(`${E2E_BASE_URL}/v1/contacts?limit=1`, { headers: { Authorization: `Bearer ${key}` } });

test("the page and the create dialog are accessible, and the form checks the name inline", async ({ page }) => {
  // Each axe run takes seconds on a 2-core machine.
  test.slow();
  await page.goto("/settings/api-keys");
  await expect(page).toHaveTitle(/^API keys/);
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, "api-keys");

  const createButton = page.getByRole("button", { name: "Create API key" });
  await createButton.click();
  const createDialog = page.getByRole("dialog", { name: "Create API key" });
  await expect(createDialog.getByLabel("Name")).toBeFocused();
  await createDialog.getByRole("button", { name: "Create key" }).click();
  await expect(createDialog.getByText("Enter a name for the key")).toBeVisible();
  await expect(createDialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.keyboard.press("Escape");
  await expect(createDialog).toBeHidden();
  await expect(createButton).toBeFocused();
});

test("a key created in the dashboard works on /v1 at once, and stops working when revoked", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("table")).toBeVisible();

  const name = `E2E key ${Date.now()}`;
  const createButton = page.getByRole("button", { name: "Create API key" });
  await createButton.click();
  const createDialog = page.getByRole("dialog", { name: "Create API key" });
  await createDialog.getByLabel("Name").fill(name);
  await createDialog.getByRole("button", { name: "Create key" }).click();

  // The key, once: read-only, copyable, with the warning.
  const shownDialog = page.getByRole("dialog", { name: "Copy your new API key" });
  const keyField = shownDialog.getByLabel("API key");
  await expect(keyField).toHaveValue(/^nxv_[0-9A-Za-z]{40}$/);
  await expect(keyField).not.toBeEditable();
  await expect(shownDialog.getByText("it will not be shown again")).toBeVisible();
  const key = await keyField.inputValue();
  await shownDialog.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await shownDialog.getByRole("button", { name: "Done" }).click();
  await expect(shownDialog).toBeHidden();
  await expect(createButton).toBeFocused();

  expect((await contactsWith(key)).status).toBe(200);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.getByText(`${key.slice(0, 10)}…`)).toBeVisible();

  // Escape cancels and gives focus back to the row's button; then revoke for real.
  const revokeButton = page.getByRole("button", { name: `Revoke ${name}` });
  await revokeButton.click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke API key" });
  await expect(confirm.getByText(`Revoke key ${name}? Integrations using it will get 401 at once.`)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(revokeButton).toBeFocused();
  expect((await contactsWith(key)).status).toBe(200);

  await revokeButton.click();
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText(`Revoked ${name}`)).toBeVisible();
  await expect(row).toBeHidden();
  expect((await contactsWith(key)).status).toBe(401);
});
