import type { Page } from "@playwright/test";
import { createContactViaApi, uniqueName } from "./support/api";
import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

// Issue 14, "Fix" items 2–7: what a new support agent tripped on in the contacts table and page.

const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search contacts" });
const contactsTable = (page: Page) => page.getByRole("table", { name: "Contacts" });

async function columnWidths(page: Page): Promise<number[]> {
  return contactsTable(page)
    .getByRole("columnheader")
    .evaluateAll((headers) => headers.map((header) => Math.round(header.getBoundingClientRect().width)));
}

test("the search box stops at the API's 200 characters and the table stays", async ({ page }) => {
  await page.goto("/contacts");
  await searchBox(page).fill("a".repeat(250));
  await expect(searchBox(page)).toHaveValue("a".repeat(200));
  await expect(page.getByText(/No contacts match/)).toBeVisible();
  await expect(page.getByText("Could not load this")).toHaveCount(0);
});

test("deleting a contact asks for it no more: no 404, no console error", async ({ page, seed }) => {
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Deleted Soon") });
  const notFound: string[] = [];
  const consoleErrors: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && response.url().includes(contact.id)) notFound.push(`${response.request().method()} ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.goto(`/contacts/${contact.id}`);
  await expect(page.getByRole("heading", { name: "Details" })).toBeVisible();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Delete contact" }).click();
  // The toast lasts 4 s from the deletion: looked for first, so a slow list load cannot outlast it.
  await expect(page.getByText(`Deleted ${contact.name}`)).toBeVisible();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(contactsTable(page)).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(notFound).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("long names and emails are cut with the full value on hover; Created stays on screen and widths hold between sorts", async ({ page, seed }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const tag = uniqueName("Widthcheck").replace(/\W/g, "");
  const name = `${tag} ${"Bartholomew-Maximilian ".repeat(7)}`.trim();
  const email = `${tag.toLowerCase()}.${"a-very-long-mailbox-name".repeat(5)}@example.com`;
  await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name, email, metadata: { plan: "pro", seats: 12 } });
  await page.goto(`/contacts?search=${encodeURIComponent(tag)}`);
  const nameLink = contactsTable(page).getByRole("link", { name });
  await expect(nameLink).toBeVisible();
  await expect(nameLink).toHaveAttribute("title", name);
  await expect(contactsTable(page).getByTitle(email)).toBeVisible();

  const created = await contactsTable(page).getByRole("columnheader", { name: /Created/ }).boundingBox();
  expect(created!.x + created!.width).toBeLessThanOrEqual(1440);
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-long-name-1440");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-long-name-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, "contacts-long-name-390");
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.goto("/contacts");
  await expect(contactsTable(page).getByRole("link").first()).toBeVisible();
  const before = await columnWidths(page);
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name\.asc/);
  await expect(contactsTable(page)).toHaveAttribute("aria-busy", "false");
  expect(await columnWidths(page)).toEqual(before);
});

test("the contact form speaks the agent's language, not the API's", async ({ page, seed }) => {
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Wording") });
  await page.goto(`/contacts/${contact.id}`);
  await expect(page.getByLabel("Phone")).toBeEnabled();
  await page.getByLabel("Phone").fill("12");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Enter a phone number with at least 5 digits")).toBeVisible();
  await expect(page.getByText("Enter an email address like name@example.com")).toBeVisible();
  await expect(page.getByText(/or null/)).toHaveCount(0);
  await expectAccessible(page);
});

test("← Contacts and the redirect after delete return to the view the agent came from", async ({ page, seed }) => {
  const tag = uniqueName("Backview").replace(/\W/g, "");
  const kept = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: `${tag} Kept` });
  await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: `${tag} Deleted` });
  const listUrl = `/contacts?search=${tag}&chatbot=${seed.chatbotIds[0]}&sort=name.asc&size=50`;
  await page.goto(listUrl);

  await contactsTable(page).getByRole("link", { name: `${tag} Kept` }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${kept.id}$`));
  await page.getByRole("main").getByRole("link", { name: "Contacts", exact: true }).click();
  await expect(page).toHaveURL(listUrl);
  await expect(searchBox(page)).toHaveValue(tag);

  await contactsTable(page).getByRole("link", { name: `${tag} Deleted` }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Delete contact" }).click();
  await expect(page).toHaveURL(listUrl);
  await expect(contactsTable(page).getByRole("link", { name: `${tag} Kept` })).toBeVisible();
});

test("headers share one case, an empty result says so, the clear button sits clear of the text, the page-size select keeps its size", async ({ page }) => {
  await page.goto("/contacts");
  await expect(contactsTable(page).getByRole("link").first()).toBeVisible();
  const transforms = await contactsTable(page)
    .getByRole("columnheader")
    .evaluateAll((headers) => headers.map((header) => getComputedStyle(header.querySelector("button") ?? header).textTransform));
  expect(new Set(transforms).size).toBe(1);

  // Its className (h-8 w-24) wins over the control's w-full: 96 px, room for "100" beside the arrow.
  const select = page.getByLabel("Rows per page");
  expect((await select.boundingBox())!.width).toBe(96);

  const longText = `zz-no-such-contact-${"x".repeat(60)}`;
  await searchBox(page).fill(longText);
  const clear = page.getByRole("button", { name: "Clear the search box" });
  await expect(clear).toBeVisible();
  const textEnd = await searchBox(page).evaluate((input) => {
    const box = input.getBoundingClientRect();
    return box.right - parseFloat(getComputedStyle(input).paddingRight);
  });
  expect((await clear.boundingBox())!.x).toBeGreaterThanOrEqual(textEnd);

  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination.getByText("No contacts")).toBeVisible();
  await expect(pagination).not.toContainText("0–0 of 0");
  await expect(pagination).not.toContainText("Page 1 of 1");
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-empty-search");

  await clear.click();
  await expect(searchBox(page)).toHaveValue("");
  await expect(searchBox(page)).toBeFocused();
});
