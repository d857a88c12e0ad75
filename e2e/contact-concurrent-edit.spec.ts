import type { Page } from "@playwright/test";
import { apiCall, createContactViaApi, getContactViaApi, uniqueName } from "./support/api";
import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

// Issue 15 (conditional writes): the contact form saves with If-Match, so when someone else changed
// the contact meanwhile it says so and offers to reload theirs or overwrite with mine, instead of
// silently winning.

async function openContact(page: Page, id: string) {
  await page.goto(`/contacts/${id}`);
  await expect(page.getByRole("heading", { name: "Details" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toBeEnabled();
}

const conflictAlert = (page: Page) => page.getByRole("alert").filter({ hasText: "Someone else changed this contact" });

test("a save after someone else's change says so; Reload their version shows theirs", async ({ page, seed }) => {
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Shared Editing") });
  await openContact(page, contact.id);
  await page.getByLabel("Name", { exact: true }).fill("My Edit");
  const theirs = uniqueName("Their Edit");
  expect((await apiCall(seed.apiKey, "PATCH", `/v1/contacts/${contact.id}`, { name: theirs })).status).toBe(200);

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(conflictAlert(page)).toBeVisible();
  // Nothing was overwritten.
  expect((await getContactViaApi(seed.apiKey, contact.id)).contact?.name).toBe(theirs);
  await expectAccessible(page);
  await saveScreenshot(page, "contact-concurrent-edit", { fullPage: false });

  await page.getByRole("button", { name: "Reload their version" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(theirs);
  await expect(conflictAlert(page)).toHaveCount(0);
  // Saving from their version now works.
  await page.getByLabel("Name", { exact: true }).fill(`${theirs} and mine`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  expect((await getContactViaApi(seed.apiKey, contact.id)).contact?.name).toBe(`${theirs} and mine`);
});

test("Overwrite with mine saves my version over theirs", async ({ page, seed }) => {
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Overwritten") });
  await openContact(page, contact.id);
  const mine = uniqueName("Mine Wins");
  await page.getByLabel("Name", { exact: true }).fill(mine);
  expect((await apiCall(seed.apiKey, "PATCH", `/v1/contacts/${contact.id}`, { name: "Theirs", email: "theirs@example.com" })).status).toBe(200);

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(conflictAlert(page)).toBeVisible();
  await page.getByRole("button", { name: "Overwrite with mine" }).click();
  await expect(page.getByText("Saved: your version replaced theirs")).toBeVisible();
  await expect(conflictAlert(page)).toHaveCount(0);
  const stored = (await getContactViaApi(seed.apiKey, contact.id)).contact;
  expect(stored?.name).toBe(mine);
  // My version had no email: it replaced theirs entirely.
  expect(stored?.email).toBeNull();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(mine);
});
