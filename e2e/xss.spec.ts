import type { Page } from "@playwright/test";
import { createContactViaApi, uniqueName } from "./support/api";
import { expect, test } from "./support/fixtures";
import { XSS_PAYLOADS, XSS_SUMMARIES } from "./support/xss-payloads";

// Whatever an integration stores — names, metadata keys and values, conversation summaries — the
// dashboard shows as text: no payload becomes an element, and none of its script runs.

/** Collects the dialogs a payload's `alert(…)` would open (dismissing them). */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

async function expectNoScriptRan(page: Page, dialogs: string[]) {
  // Checked on the page's markup, not only on effects: the policy would block an inline handler
  // that slipped through, so an element carrying one is itself the failure.
  await expect(page.locator("img[onerror], svg[onload], [onfocus], [autofocus], a[href^='javascript:' i]")).toHaveCount(0);
  await expect(page.locator("script", { hasText: "window.__xss" })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

test("a contact's name, email and metadata carrying markup show as text in the table and the editor", async ({ page, seed }) => {
  const dialogs = watchDialogs(page);
  const token = uniqueName("Payload");
  const name = `${XSS_PAYLOADS.imgOnerror} ${token}`;
  const email = `o'brien+${Date.now()}@example.com`;
  const metadata = {
    [XSS_PAYLOADS.scriptTag]: XSS_PAYLOADS.javascriptUrl,
    [XSS_PAYLOADS.svgOnload]: XSS_PAYLOADS.attributeBreakout,
    note: XSS_PAYLOADS.closeTextarea,
  };
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name, email, metadata });

  await page.goto(`/contacts?search=${encodeURIComponent(token)}`);
  const table = page.getByRole("table", { name: "Contacts" });
  await expect(table.getByRole("link", { name })).toBeVisible();
  await expect(table.getByText(name, { exact: true })).toBeVisible();
  await expect(table.getByText(email, { exact: true })).toBeVisible();
  // One line per contact: the first two entries as chips, every entry (as text) in the hover card.
  const entries = Object.entries(metadata).map(([key, value]) => `${key}: ${value}`);
  for (const entry of entries.slice(0, 2)) await expect(table.getByText(entry, { exact: true })).toBeVisible();
  await table.getByRole("list", { name: "Metadata" }).hover();
  await expect(page.getByRole("tooltip")).toHaveText(Object.entries(metadata).flat().join(""));
  await expectNoScriptRan(page, dialogs);

  await table.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const form = page.locator("form#contact");
  await expect(form.getByLabel("Name")).toHaveValue(name);
  await expect(form.getByLabel("Email")).toHaveValue(email);
  const rows = await Promise.all(
    [1, 2, 3].map(async (n) => [await form.getByLabel(`Key ${n}`).inputValue(), await form.getByLabel(`Value ${n}`).inputValue()]),
  );
  expect(Object.fromEntries(rows)).toEqual(metadata);
  await expectNoScriptRan(page, dialogs);
});

test("conversation summaries carrying markup show as text in the timeline", async ({ page, seed }) => {
  const dialogs = watchDialogs(page);
  await page.goto(`/contacts/${seed.xssContactId}`);
  const timeline = page.getByRole("region", { name: "Conversations" });
  await expect(timeline.getByRole("article")).toHaveCount(XSS_SUMMARIES.length);
  for (const summary of XSS_SUMMARIES) {
    await expect(timeline.getByRole("article", { name: summary })).toBeVisible();
    await expect(timeline.getByText(summary, { exact: true })).toBeVisible();
  }
  await expectNoScriptRan(page, dialogs);
});

test("a search term carrying markup, straight from the URL, shows as text", async ({ page }) => {
  const dialogs = watchDialogs(page);
  const term = XSS_PAYLOADS.svgOnload;
  await page.goto(`/contacts?search=${encodeURIComponent(term)}`);
  await expect(page.getByRole("searchbox", { name: "Search contacts" })).toHaveValue(term);
  await expect(page.getByText(`No contacts match “${term}”`, { exact: true })).toBeVisible();
  await expectNoScriptRan(page, dialogs);
});
