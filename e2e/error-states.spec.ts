import type { Page, Route } from "@playwright/test";
import { createContactViaApi, uniqueName } from "./support/api";
import { expect, test } from "./support/fixtures";

// When the API fails, the dashboard says so and "Try again" recovers. The failures are made in the
// browser (Playwright answers chosen requests with the contract's 500 envelope); the server is untouched.

// The dashboard retries a failed load twice (5xx only) before it shows the error.
const ATTEMPTS_BEFORE_ERROR = 3;

/** Answers the next `times` requests whose path matches with a 500; lets every other request through. */
async function failNext(page: Page, matches: (path: string) => boolean, times: number, requestId: string) {
  let failed = 0;
  await page.route(
    (url) => matches(url.pathname),
    async (route: Route) => {
      if (failed >= times) return route.fallback();
      failed += 1;
      await route.fulfill({
        status: 500,
        contentType: "application/json; charset=utf-8",
        body: JSON.stringify({
          status: "error",
          error: { code: "internal_error", message: `Something went wrong on our side; quote request id ${requestId}` },
        }),
      });
    },
  );
  return { failed: () => failed };
}

const contactRows = (page: Page) => page.getByRole("table", { name: "Contacts" }).getByRole("row").filter({ has: page.getByRole("cell") });

test("the contacts table shows a failed load, and Try again loads it", async ({ page }) => {
  const failures = await failNext(page, (path) => path === "/v1/contacts", ATTEMPTS_BEFORE_ERROR, "e2e-list");
  await page.goto("/contacts");

  const error = page.getByRole("alert").filter({ hasText: "Could not load this" });
  await expect(error).toContainText("Something went wrong on our side; quote request id e2e-list");
  expect(failures.failed()).toBe(ATTEMPTS_BEFORE_ERROR);
  await expect(page.getByRole("table", { name: "Contacts" })).toHaveCount(0);

  await error.getByRole("button", { name: "Try again" }).click();
  await expect(contactRows(page)).toHaveCount(25);
  await expect(error).toBeHidden();
});

test("a failed search says so, and Try again runs it again", async ({ page }) => {
  await page.goto("/contacts");
  await expect(contactRows(page)).toHaveCount(25);

  const failures = await failNext(page, (path) => path === "/v1/contacts", ATTEMPTS_BEFORE_ERROR, "e2e-search");
  await page.getByRole("searchbox", { name: "Search contacts" }).fill("Timeline Tester");
  const error = page.getByRole("alert").filter({ hasText: "Could not load this" });
  await expect(error).toContainText("quote request id e2e-search");
  expect(failures.failed()).toBe(ATTEMPTS_BEFORE_ERROR);

  await error.getByRole("button", { name: "Try again" }).click();
  await expect(contactRows(page)).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Timeline Tester" })).toBeVisible();
  await expect(error).toBeHidden();
});

test("a failed refresh keeps the rows on screen, says so, and Try again refreshes them", async ({ page, seed }) => {
  const token = uniqueName("Refresh");
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: `Before ${token}` });
  await page.goto(`/contacts?search=${encodeURIComponent(token)}`);
  await page.getByRole("link", { name: `Before ${token}` }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}$`));

  // Saving marks the cached list stale: going back shows it at once and refreshes it behind.
  await page.getByLabel("Name").fill(`After ${token}`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  const failures = await failNext(page, (path) => path === "/v1/contacts", ATTEMPTS_BEFORE_ERROR, "e2e-refresh");
  await page.goBack();

  const error = page.getByRole("alert").filter({ hasText: "Could not refresh the list" });
  await expect(error).toContainText("quote request id e2e-refresh");
  expect(failures.failed()).toBe(ATTEMPTS_BEFORE_ERROR);
  await expect(page.getByRole("link", { name: `Before ${token}` })).toBeVisible();

  await error.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("link", { name: `After ${token}` })).toBeVisible();
  await expect(contactRows(page)).toHaveCount(1);
  await expect(error).toBeHidden();
});

test("the timeline shows a failed load, and Try again loads it", async ({ page, seed }) => {
  const failures = await failNext(page, (path) => path.endsWith("/conversations"), ATTEMPTS_BEFORE_ERROR, "e2e-timeline");
  await page.goto(`/contacts/${seed.timelineContactId}`);

  const timeline = page.getByRole("region", { name: "Conversations" });
  const error = timeline.getByRole("alert");
  await expect(error).toContainText("Could not load this");
  await expect(error).toContainText("quote request id e2e-timeline");
  expect(failures.failed()).toBe(ATTEMPTS_BEFORE_ERROR);
  // The rest of the page works: the details loaded on their own.
  await expect(page.getByRole("heading", { level: 1, name: "Timeline Tester" })).toBeVisible();

  await error.getByRole("button", { name: "Try again" }).click();
  await expect(timeline.getByRole("article")).toHaveCount(10);
  await expect(error).toBeHidden();
});
