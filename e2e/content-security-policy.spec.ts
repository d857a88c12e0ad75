import type { Page, Response } from "@playwright/test";
import { expect, test } from "./support/fixtures";

// Every page runs under a nonce-based Content-Security-Policy without a single violation (the
// fixture in support/fixtures.ts fails any spec that causes one), and the policy really blocks
// script that was not sent with the page.

function expectNoncePolicy(response: Response | null) {
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expectNoncePolicy(response);
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign-in runs under the policy", async ({ page, seed, cspViolations }) => {
    await visit(page, "/login");
    await page.getByLabel("Email").fill(seed.staff.email);
    await page.getByLabel("Password").fill(seed.staff.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    expect(cspViolations).toEqual([]);
  });
});

test("every dashboard page runs under the policy without a violation", async ({ page, seed, cspViolations }) => {
  await visit(page, "/");
  await expect(page.getByRole("figure", { name: "New contacts per day (last 90 days)" }).getByRole("application")).toBeVisible();

  await visit(page, "/contacts");
  await expect(page.getByRole("table", { name: "Contacts" })).toHaveAttribute("aria-busy", "false");
  // A Radix dialog (its styles are set at run time).
  await page.getByRole("button", { name: "New contact" }).first().click();
  await expect(page.getByRole("dialog", { name: "New contact" })).toBeVisible();
  await page.keyboard.press("Escape");

  await visit(page, `/contacts/${seed.timelineContactId}`);
  await expect(page.getByRole("region", { name: "Conversations" }).getByRole("article").first()).toBeVisible();

  await visit(page, "/settings/api-keys");
  await expect(page.getByRole("table")).toBeVisible();

  // Client-side navigation loads further chunks: 'strict-dynamic' must let them in.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await expect(page.getByRole("table", { name: "Contacts" })).toHaveAttribute("aria-busy", "false");

  await visit(page, "/no-such-page");
  await expect(page.getByText("This page could not be found.")).toBeVisible();
  expect(cspViolations).toEqual([]);
});

test("the API reference renders and its Try it sends the request and shows the answer", async ({ page, cspViolations }) => {
  await visit(page, "/api-reference");
  // The viewer is an 860 KB bundle loaded on this page only; a busy CI machine takes a while.
  const listContacts = page.getByText("List contacts").first();
  await expect(listContacts).toBeVisible({ timeout: 45_000 });
  await listContacts.click();
  const answer = page.waitForResponse((response) => new URL(response.url()).pathname === "/v1/contacts" && response.request().method() === "GET");
  await page.getByRole("button", { name: "TRY", exact: true }).first().click();
  expect((await answer).status()).toBe(200);
  await expect(page.getByText(/Response Status: (OK:)?200/)).toBeVisible();
  expect(cspViolations).toEqual([]);
});

// Script slipped into the page's markup (as a stored XSS would) or added to it later: none runs.
const INJECTED_INTO_HEAD = [
  "<script>window.__injected = 'inline'</script>",
  '<script nonce="guessed">window.__injected = "guessed nonce"</script>',
  "<script src=\"data:text/javascript,window.__injected='external'\"></script>",
].join("");

test("script that did not come with the page is blocked, and the check above notices", async ({ page, cspViolations }) => {
  await page.route(
    (url) => url.pathname === "/contacts",
    async (route) => {
      if (route.request().resourceType() !== "document") return route.fallback();
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace("<head>", `<head>${INJECTED_INTO_HEAD}`) });
    },
  );
  await visit(page, "/contacts");
  await expect(page.getByRole("table", { name: "Contacts" })).toHaveAttribute("aria-busy", "false");
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/no-such-image.png" onerror="window.__injected = \'handler\'">');
  });

  await expect.poll(() => cspViolations.filter((v) => v.startsWith("script-src")).length).toBeGreaterThanOrEqual(4);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  // These violations were the point of this test; the fixture checks for any others.
  cspViolations.length = 0;
});
