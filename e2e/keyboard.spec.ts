import type { Page } from "@playwright/test";
import { createContactViaApi, uniqueName } from "./support/api";
import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

// Issue 14, Build item 3: keyboard shortcuts for support agents.

const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search contacts" });
const contactsTable = (page: Page) => page.getByRole("table", { name: "Contacts" });
const palette = (page: Page) => page.getByRole("dialog", { name: "Go to" });
const paletteInput = (page: Page) => palette(page).getByRole("combobox", { name: "Search contacts and pages" });

async function openPalette(page: Page, key = "Control+k") {
  await page.keyboard.press(key);
  await expect(paletteInput(page)).toBeFocused();
}

async function findAndJump(page: Page, query: string, contactName: string, contactId: string) {
  await openPalette(page);
  await paletteInput(page).fill(query);
  await expect(palette(page).getByRole("option", { name: new RegExp(contactName) })).toBeVisible();
  await expect(palette(page).getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/contacts/${contactId}$`));
  await expect(palette(page)).toHaveCount(0);
}

test("/ focuses the search box, but not while typing in it", async ({ page }) => {
  await page.goto("/contacts");
  await expect(contactsTable(page)).toBeVisible();
  await page.locator("body").press("/");
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue("");
  await page.keyboard.type("a/b");
  await expect(searchBox(page)).toHaveValue("a/b");
});

test("typing on while each pause's search goes out loses no character, on a slow machine too", async ({ page }) => {
  await page.goto("/contacts");
  await expect(contactsTable(page)).toBeVisible();
  // A slow laptop: the URL update of one pause lands while the agent types the next characters.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
  await searchBox(page).pressSequentially("maria/lopez", { delay: 90 });
  await expect(searchBox(page)).toHaveValue("maria/lopez");
  await expect(page).toHaveURL(/search=maria%2Flopez/);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
});

test("j / k move a focus highlight through the rows, Enter opens it, Esc goes back to the same view", async ({ page, seed }) => {
  const tag = uniqueName("Kbdrows").replace(/\W/g, "");
  const names = ["A", "B", "C"].map((letter) => `${tag} ${letter}`);
  const created = [];
  for (const name of names) created.push(await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name }));
  const listUrl = `/contacts?search=${tag}&sort=name.asc`;
  await page.goto(listUrl);
  const links = names.map((name) => contactsTable(page).getByRole("link", { name }));
  await expect(links[2]!).toBeVisible();

  await page.locator("body").press("j");
  await expect(links[0]!).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(links[2]!).toBeFocused();
  await page.keyboard.press("k");
  await expect(links[1]!).toBeFocused();
  const row = contactsTable(page).getByRole("row").filter({ has: page.getByRole("link", { name: names[1] }) });
  const tint = await row.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(tint).not.toBe("rgba(0, 0, 0, 0)");
  await expectAccessible(page);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/contacts/${created[1]!.id}$`));
  await expect(page.getByRole("heading", { name: "Details" })).toBeVisible();
  await page.locator("body").press("Escape");
  await expect(page).toHaveURL(/\/contacts\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("search")).toBe(tag);
  expect(url.searchParams.get("sort")).toBe("name.asc");
});

test("the row j focused keeps its focus when the chatbot names and the chosen columns arrive after the rows", async ({ page, seed }) => {
  const tag = uniqueName("Kbdlate").replace(/\W/g, "");
  const names = ["A", "B"].map((letter) => `${tag} ${letter}`);
  for (const name of names) await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name });
  // The two lookups the table's columns are built from answer only when released (a slow server).
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const lateLookups = ["/api/workspace/chatbots", "/api/workspace/preferences/contacts-columns"];
  await page.route(
    (url) => lateLookups.includes(url.pathname),
    async (route) => {
      await released;
      await route.fallback();
    },
  );
  await page.goto(`/contacts?search=${tag}&sort=name.asc`);
  const links = names.map((name) => contactsTable(page).getByRole("link", { name }));
  await expect(links[1]!).toBeVisible();
  const firstRowChatbot = contactsTable(page).getByRole("row").filter({ has: page.getByRole("link", { name: names[0] }) }).getByRole("cell").nth(3);
  await expect(firstRowChatbot).toHaveText(seed.chatbotIds[0]!);

  await page.locator("body").press("j");
  await expect(links[0]!).toBeFocused();
  const answered = Promise.all(lateLookups.map((path) => page.waitForResponse((response) => new URL(response.url()).pathname === path)));
  release();
  await answered;
  await expect(firstRowChatbot).not.toHaveText(seed.chatbotIds[0]!);
  await expect(links[0]!).toBeFocused();
  await page.keyboard.press("j");
  await expect(links[1]!).toBeFocused();
});

test("Esc in a form field on a contact page keeps its meaning", async ({ page, seed }) => {
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Kbd Esc") });
  await page.goto(`/contacts/${contact.id}`);
  const field = page.getByRole("textbox").first();
  await field.focus();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}$`));
});

test("⌘K / Ctrl+K finds a contact by name, email, phone digits and id, and jumps to it", async ({ page, seed }) => {
  const tag = uniqueName("Palette").replace(/\W/g, "");
  const digits = String(Date.now()).slice(-9);
  const contact = await createContactViaApi(seed.apiKey, {
    chatbotId: seed.chatbotIds[0],
    name: `${tag} Person`,
    email: `${tag.toLowerCase()}@example.com`,
    phone: `+44${digits}`,
  });
  await page.goto("/");
  await findAndJump(page, `${tag} Person`, tag, contact.id);
  await findAndJump(page, `${tag.toLowerCase()}@example.com`, tag, contact.id);
  await findAndJump(page, digits.slice(2), tag, contact.id);
  await findAndJump(page, contact.id, tag, contact.id);
});

test("⌘K lists matching pages at once, and the page arrowed to stays highlighted when contacts are found above it", async ({ page, seed }) => {
  await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Apiarist") });
  // The palette's contact search answers only when released, as on a slow connection.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const isPaletteSearch = (url: URL) => url.pathname === "/v1/contacts" && url.searchParams.get("search") === "API";
  await page.route(isPaletteSearch, async (route) => {
    await released;
    await route.fallback();
  });
  await page.goto("/contacts");
  await openPalette(page, "Meta+k");
  const held = page.waitForRequest((request) => isPaletteSearch(new URL(request.url())));
  await paletteInput(page).fill("API");
  await held;
  await expect(palette(page).getByRole("option")).toHaveText([/API keys/, /API reference/]);
  await page.keyboard.press("ArrowDown");
  const apiReference = palette(page).getByRole("option", { name: /API reference/ });
  await expect(apiReference).toHaveAttribute("aria-selected", "true");

  const answered = page.waitForResponse((response) => isPaletteSearch(new URL(response.url())));
  release();
  await answered;
  await expect(palette(page).getByRole("option", { name: /Apiarist/ })).toBeVisible();
  await expect(apiReference).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
});

test("the palette's arrow keys keep the active option in view past the list's visible part", async ({ page, seed }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const tag = uniqueName("Scrollpal").replace(/\W/g, "");
  for (let i = 1; i <= 8; i++) await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: `${tag} Number${i}`, email: `n${i}.${tag.toLowerCase()}@example.com` });
  await page.goto("/contacts");
  await openPalette(page);
  await paletteInput(page).fill(tag);
  const options = palette(page).getByRole("option");
  await expect(options).toHaveCount(8);
  await expect(options.last()).not.toBeInViewport();
  for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowDown");
  await expect(options.last()).toHaveAttribute("aria-selected", "true");
  await expect(options.last()).toBeInViewport();
  for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowUp");
  await expect(options.first()).toBeInViewport();
});

for (const scheme of ["light", "dark"] as const) {
  test.describe(`palette and shortcut overlay, ${scheme}`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1440, height: 900 } });

    test("are accessible dialogs", async ({ page }) => {
      const suffix = scheme === "dark" ? "-dark" : "";
      await page.goto("/contacts");
      await expect(contactsTable(page)).toBeVisible();
      await openPalette(page);
      await paletteInput(page).fill("o");
      await expect(palette(page).getByRole("option", { name: /Overview/ })).toBeVisible();
      await expectAccessible(page);
      await saveScreenshot(page, `keyboard-palette${suffix}`, { fullPage: false });
      await page.keyboard.press("Escape");
      await expect(palette(page)).toHaveCount(0);

      await page.locator("body").press("?");
      const overlay = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await expect(overlay).toBeVisible();
      for (const key of ["/", "j", "k", "Enter", "Esc", "⌘K", "Ctrl+K", "?"]) await expect(overlay.getByText(key, { exact: true })).toBeVisible();
      await expectAccessible(page);
      await saveScreenshot(page, `keyboard-shortcuts${suffix}`, { fullPage: false });
    });
  });
}
