import { STAFF_STATE_FILE } from "./support/paths";
import { expect, test } from "./support/fixtures";

// Signs in once through the form; the other specs reuse the session (storageState).
test("staff signs in", async ({ page, seed }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(seed.staff.email);
  await page.getByLabel("Password").fill(seed.staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.context().storageState({ path: STAFF_STATE_FILE });
});
