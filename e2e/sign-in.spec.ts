import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a dashboard page redirects to sign-in and returns there afterwards", async ({ page, seed }) => {
    await page.goto("/contacts?search=timeline");
    await expect(page).toHaveURL(/\/login\?next=%2Fcontacts%3Fsearch%3Dtimeline$/);
    await expectAccessible(page);
    await saveScreenshot(page, "sign-in");

    await page.getByLabel("Email").fill(seed.staff.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "That email and password do not match an account." })).toBeVisible();

    await page.getByLabel("Password").fill(seed.staff.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/contacts\?search=timeline$/);
    await expect(page.getByRole("heading", { name: "Contacts" })).toBeVisible();
  });

  test("sign-in does not redirect off-site", async ({ page, seed }) => {
    await page.goto("/login?next=//evil.example/steal");
    await page.getByLabel("Email").fill(seed.staff.email);
    await page.getByLabel("Password").fill(seed.staff.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});

test("the shell shows the workspace and the signed-in user, and signing out ends the session", async ({ browser, seed }) => {
  // A session of its own, so signing out does not end the one the other specs share.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(seed.staff.email);
  await page.getByLabel("Password").fill(seed.staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText(seed.workspaceName)).toBeVisible();
  await expect(page.getByText(seed.staff.email)).toBeVisible();
  const cookies = await context.cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The old cookie no longer works: the session was deleted on the server, not just in the browser.
  const replay = await browser.newContext({ storageState: { cookies, origins: [] } });
  const response = await replay.request.get("/v1/contacts?limit=1");
  expect(response.status()).toBe(401);
  await replay.close();
  await context.close();
});

test("a cross-origin POST carrying the session cookie is refused", async ({ page, seed }) => {
  await page.goto("/");
  const refused = await page.request.post("/v1/contacts", {
    headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
    data: { chatbotId: seed.chatbotIds[0], name: "Forged" },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");

  const sameOrigin = await page.request.get("/v1/contacts?search=Forged");
  expect((await sameOrigin.json()).data.total).toBe(0);
});
