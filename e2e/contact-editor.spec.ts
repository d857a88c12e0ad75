import type { Page } from "@playwright/test";
import { apiCall, createContactViaApi, getContactViaApi, uniqueName } from "./support/api";
import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

const detailsForm = (page: Page) => page.locator("form#contact");
const saveButton = (page: Page) => page.getByRole("button", { name: "Save changes" });

async function openContact(page: Page, id: string) {
  await page.goto(`/contacts/${id}`);
  await expect(page.getByRole("heading", { name: "Details" })).toBeVisible();
  await expect(page.getByLabel("Name")).toBeEnabled();
}

test("create a contact from the dialog, then find it in the list", async ({ page }) => {
  const name = uniqueName("Created Person");
  await page.goto("/contacts");
  await page.getByRole("button", { name: "New contact" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New contact" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, "new-contact", { fullPage: false });

  // The chatbot is required before anything is sent.
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create contact" }).click();
  await expect(dialog.getByText("Choose a chatbot", { exact: true })).toBeVisible();

  await dialog.getByLabel("Chatbot").selectOption({ label: "Support bot" });
  await dialog.getByLabel("Email").fill("created.person@example.com");
  await dialog.getByRole("button", { name: "Add field" }).click();
  await dialog.getByLabel("Key 1").fill("source");
  await dialog.getByLabel("Value 1").fill("dashboard");
  await dialog.getByRole("button", { name: "Create contact" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText(`Created ${name}`)).toBeVisible();
  await page.getByRole("link", { name: "Contacts" }).first().click();
  await page.getByRole("searchbox", { name: "Search contacts" }).fill(name);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("table", { name: "Contacts" }).getByText("source: dashboard")).toBeVisible();
});

test("edit name and email; the change is saved and survives a reload", async ({ page, seed }) => {
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Before"), email: "before@example.com" });
  await openContact(page, contact.id);
  await expectAccessible(page);

  const newName = uniqueName("After");
  await page.getByLabel("Name").fill(newName);
  await page.getByLabel("Email").fill("after@example.com");
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await saveButton(page).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: newName })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Name")).toHaveValue(newName);
  await expect(page.getByLabel("Email")).toHaveValue("after@example.com");
  const stored = await getContactViaApi(seed.apiKey, contact.id);
  expect(stored.contact).toMatchObject({ name: newName, email: "after@example.com" });
});

test("metadata: add, rename, retype and remove keys; saved as one PATCH and kept after reload", async ({ page, seed }) => {
  const contact = await createContactViaApi(seed.apiKey, {
    chatbotId: seed.chatbotIds[0],
    name: uniqueName("Metadata"),
    metadata: { plan: "pro", seats: "12", legacy: true, keep: "me" },
  });
  await openContact(page, contact.id);
  const form = detailsForm(page);
  await expect(form.getByLabel("Key 1")).toHaveValue("plan");

  await form.getByLabel("Key 1").fill("subscription"); // rename plan → subscription
  await form.getByLabel("Type 2").selectOption("number"); // seats: "12" → 12
  await form.getByRole("button", { name: "Remove row 3" }).click(); // remove legacy
  await form.getByRole("button", { name: "Add field" }).click();
  await form.getByLabel("Key 4").fill("vip");
  await form.getByLabel("Type 4").selectOption("boolean");
  await form.getByLabel("Value 4").selectOption("true");

  const patch = page.waitForRequest((request) => request.method() === "PATCH");
  await saveButton(page).click();
  expect((await patch).postDataJSON()).toEqual({
    metadata: { plan: null, legacy: null, subscription: "pro", seats: 12, vip: true },
  });
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  await page.reload();
  const stored = await getContactViaApi(seed.apiKey, contact.id);
  expect(stored.contact?.metadata).toEqual({ keep: "me", subscription: "pro", seats: 12, vip: true });
  const keys = await Promise.all([1, 2, 3, 4].map((n) => form.getByLabel(`Key ${n}`).inputValue()));
  expect(keys.sort()).toEqual(["keep", "seats", "subscription", "vip"]);
});

test("empty and duplicate metadata keys are flagged before anything is sent", async ({ page, seed }) => {
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Keys"), metadata: { plan: "pro" } });
  await openContact(page, contact.id);
  const form = detailsForm(page);
  let patches = 0;
  page.on("request", (request) => {
    if (request.method() === "PATCH") patches += 1;
  });

  await form.getByRole("button", { name: "Add field" }).click();
  await form.getByRole("button", { name: "Add field" }).click();
  await form.getByLabel("Key 3").fill("plan");
  await saveButton(page).click();
  await expect(form.getByText("Enter a key")).toBeVisible();
  await expect(form.getByText("This key is already used above")).toBeVisible();
  await expect(form.getByLabel("Key 2")).toHaveAttribute("aria-invalid", "true");
  expect(patches).toBe(0);
  await expectAccessible(page);
});

test("an integration's change made while the form was open is caught before anything is merged", async ({ page, seed }) => {
  // 49 keys: the form allows one more. Meanwhile an integration adds a key, so merging the form's
  // change would give 51. The save names the version the form was filled from (If-Match): the
  // server refuses it as stale before merging, and the form says someone else changed the contact.
  const metadata = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, i]));
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Full"), metadata });
  await openContact(page, contact.id);
  const form = detailsForm(page);
  await form.getByRole("button", { name: "Add field" }).click();
  await form.getByLabel("Key 50").fill("fiftieth");
  await form.getByLabel("Value 50").fill("x");
  expect((await apiCall(seed.apiKey, "PATCH", `/v1/contacts/${contact.id}`, { metadata: { fromIntegration: 1 } })).status).toBe(200);

  await saveButton(page).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone else changed this contact" })).toBeVisible();
  const stored = await getContactViaApi(seed.apiKey, contact.id);
  expect(Object.keys(stored.contact?.metadata ?? {})).toHaveLength(50);
  expect(stored.contact?.metadata).not.toHaveProperty("fiftieth");
  // Their version has the integration's key, and no room for another.
  await page.getByRole("button", { name: "Reload their version" }).click();
  await expect(form.getByLabel("Key 50")).toHaveValue("fromIntegration");
});

test("leaving with unsaved changes asks first", async ({ page, seed }) => {
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Unsaved") });
  await openContact(page, contact.id);
  await page.getByLabel("Name").fill("Half-typed");

  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}$`));
  await expect(page.getByLabel("Name")).toHaveValue("Half-typed");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
});

test("delete asks for confirmation, then returns to the list without the contact", async ({ page, seed }) => {
  const name = uniqueName("Doomed");
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name });
  await openContact(page, contact.id);
  await saveScreenshot(page, "contact");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("alertdialog", { name: `Delete ${name}?` });
  await expect(confirm).toBeVisible();
  await expectAccessible(page);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  expect((await getContactViaApi(seed.apiKey, contact.id)).status).toBe(200);

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete contact" }).click();
  await expect(page.getByText(`Deleted ${name}`)).toBeVisible();
  await expect(page).toHaveURL(/\/contacts$/);
  expect((await getContactViaApi(seed.apiKey, contact.id)).status).toBe(404);
  await page.getByRole("searchbox", { name: "Search contacts" }).fill(name);
  await expect(page.getByText(`No contacts match “${name}”`)).toBeVisible();
});
