import { createContactViaApi, uniqueName } from "./support/api";
import { expect, expectAccessible, test } from "./support/fixtures";

test("the timeline lists conversations newest first, by day, and loads more on request", async ({ page, seed }) => {
  await page.goto(`/contacts/${seed.timelineContactId}`);
  const timeline = page.getByRole("region", { name: "Conversations" });
  const entries = timeline.getByRole("article");
  await expect(entries).toHaveCount(10);
  await expect(timeline.getByText(`10 of ${seed.timelineConversations}`)).toBeVisible();
  await expect(entries.first()).toContainText("Timeline conversation 1");
  await expect(entries.first()).toContainText("2 messages");
  // Relative times, with the exact time on hover.
  const started = entries.first().locator("time").first();
  await expect(started).toHaveText(/ago$/);
  await expect(started).toHaveAttribute("title", /\d{1,2}:\d{2}/);
  await expect(timeline.getByRole("heading", { level: 3 }).first()).toHaveText(/^(Today|Yesterday|\w+day, )/);
  await expectAccessible(page);

  for (const shown of [20, 30, seed.timelineConversations]) {
    await timeline.getByRole("button", { name: "Load more" }).click();
    await expect(entries).toHaveCount(shown);
  }
  await expect(timeline.getByRole("button", { name: "Load more" })).toHaveCount(0);
  await expect(timeline.getByText(`${seed.timelineConversations} in all`)).toBeVisible();
  await expect(entries.last()).toContainText(`Timeline conversation ${seed.timelineConversations}`);
});

test("a contact without conversations says so", async ({ page, seed }) => {
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Quiet") });
  await page.goto(`/contacts/${contact.id}`);
  await expect(page.getByRole("region", { name: "Conversations" }).getByText("No conversations yet")).toBeVisible();
});
