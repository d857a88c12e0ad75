import { createContactViaApi, uniqueName } from "./support/api";
import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

// Issue 14, Build 5: under 640 px the contacts table becomes a list of cards, and the navigation
// fits the screen without cutting off an item.

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test("on a phone, contacts are cards (name, email, chatbot, created) that open the contact", async ({ page, seed }) => {
  const tag = uniqueName("Phonecard").replace(/\W/g, "");
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: `${tag} Okafor`, email: `${tag.toLowerCase()}@example.com` });
  await page.goto(`/contacts?search=${encodeURIComponent(tag)}`);
  const cards = page.getByRole("list", { name: "Contacts" });
  const card = cards.getByRole("link", { name: new RegExp(`${tag} Okafor`) });
  await expect(card).toBeVisible();
  await expect(page.getByRole("table", { name: "Contacts" })).toHaveCount(0);
  await expect(card).toContainText(`${tag.toLowerCase()}@example.com`);
  await expect(card.locator("time")).toHaveAttribute("datetime", contact.createdAt);
  const chatbotName = await card.locator("span").last().textContent();
  expect(chatbotName?.trim()).not.toBe("");
  // Nothing on the page is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-phone-cards");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await saveScreenshot(page, "contacts-phone-cards-dark");
  await page.emulateMedia({ colorScheme: "light" });

  await card.click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}`));
  await expect(page.getByRole("heading", { name: `${tag} Okafor` })).toBeVisible();
});

test("on a phone, every navigation item is on screen", async ({ page }) => {
  await page.goto("/contacts");
  const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < count; i++) {
    const box = await links.nth(i).boundingBox();
    expect(box, await links.nth(i).textContent() ?? "").not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
  await expect(page.getByRole("link", { name: "API reference" })).toBeInViewport({ ratio: 1 });
});
