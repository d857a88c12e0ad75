import { createContactViaApi, uniqueName } from "./support/api";
import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

// Issue 14, Build 4: the contact page reads as a profile — copy buttons for email, phone and id,
// mailto:/tel: links, chatbot, conversation count, first and last seen — and its save bar stays in
// view with 50 metadata keys.

test("the profile header links and copies email, phone and id", async ({ page, context, seed }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = uniqueName("Profile Person");
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name, email: "profile.person@example.com", phone: "+1 (555) 010-2030" });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/contacts/${contact.id}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await expect(page.getByRole("link", { name: "profile.person@example.com" })).toHaveAttribute("href", "mailto:profile.person@example.com");
  await expect(page.getByRole("link", { name: "+1 (555) 010-2030" })).toHaveAttribute("href", "tel:+15550102030");
  await expect(page.getByText("0 conversations")).toBeVisible();
  await expect(page.getByText(/first seen/)).toBeVisible();

  for (const [label, value] of [
    ["Copy email", "profile.person@example.com"],
    ["Copy phone", "+1 (555) 010-2030"],
    ["Copy contact id", contact.id],
  ]) {
    const button = page.getByRole("button", { name: label });
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    await expect(button).toHaveAttribute("title", "Copied");
    await expect(page.getByRole("status").filter({ hasText: `Copied ${label.slice("Copy ".length)}` })).toHaveCount(1);
  }
  await expectAccessible(page);
  await saveScreenshot(page, "contact-profile-1440", { fullPage: false });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await saveScreenshot(page, "contact-profile-dark", { fullPage: false });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, "contact-profile-390", { fullPage: false });
});

test("with 50 metadata keys the save bar stays in view while the list scrolls", async ({ page, seed }) => {
  const metadata = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key_${String(i).padStart(2, "0")}`, `value ${i}`]));
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Many Keys"), metadata });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/contacts/${contact.id}`);
  const save = page.getByRole("button", { name: "Save changes" });
  await expect(save).toBeInViewport();
  await page.getByLabel("Value 25").fill("changed");
  await expect(save).toBeInViewport();
  await page.getByLabel("Value 1", { exact: true }).scrollIntoViewIfNeeded();
  await expect(save).toBeInViewport();
  await saveScreenshot(page, "contact-many-keys", { fullPage: false });
  await save.click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
});
