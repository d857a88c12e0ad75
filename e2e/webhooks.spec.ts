import { startWebhookReceiver, type WebhookReceiver } from "../tests/support/webhook-receiver";
import { apiCall, createContactViaApi, uniqueName } from "./support/api";
import { expect, expectAccessible, saveScreenshot, test } from "./support/fixtures";

// Webhooks from the dashboard: add an endpoint (a receiver on 127.0.0.1, which the e2e server
// allows), edit a contact, see the delivery arrive in the list, and resend it. Every request the
// receiver gets is verified with the `standardwebhooks` package.

let receiver: WebhookReceiver;
let endpointId: string | undefined;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async ({ seed }) => {
  // Other specs edit contacts of the same workspace: stop sending to a receiver that is going away.
  if (endpointId) await apiCall(seed.apiKey, "DELETE", `/v1/webhook-endpoints/${endpointId}`);
  await receiver.close();
});

test("add an endpoint, edit a contact, see the delivery and resend it", async ({ page, seed }) => {
  test.slow();
  const contact = await createContactViaApi(seed.apiKey, { chatbotId: seed.chatbotIds[0], name: uniqueName("Webhook") });

  await page.goto("/settings/webhooks");
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  const addButton = page.getByRole("button", { name: "Add endpoint" });
  await addButton.click();
  const dialog = page.getByRole("dialog", { name: "Add webhook endpoint" });
  // The shared schema checks the form before it is sent.
  await dialog.getByLabel("URL").fill("ftp://example.com/hooks");
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog.getByText(/Must be an absolute http:\/\/ or https:\/\/ URL/)).toBeVisible();
  await expectAccessible(page);

  const url = `${receiver.url}/${Date.now()}`;
  await dialog.getByLabel("URL").fill(url);
  for (const type of ["contact.created", "contact.deleted", "contact.merged"]) await dialog.getByLabel(type).uncheck();
  await dialog.getByLabel("Description (optional)").fill("E2E receiver");
  await dialog.getByRole("button", { name: "Add endpoint" }).click();

  const secretDialog = page.getByRole("dialog", { name: "Copy the signing secret" });
  const secretField = secretDialog.getByLabel(`Signing secret for ${url}`);
  await expect(secretField).toHaveValue(/^whsec_[A-Za-z0-9+/]{43}=$/);
  receiver.secret = await secretField.inputValue();
  await secretDialog.getByRole("button", { name: "Done" }).click();
  await expect(secretDialog).toBeHidden();

  const card = page.getByRole("region", { name: url });
  await expect(card.getByText("Enabled · contact.updated · E2E receiver")).toBeVisible();
  await expect(card.getByText("No deliveries yet")).toBeVisible();
  const listed = await apiCall<{ data: { endpoints: { id: string; url: string }[] } }>(seed.apiKey, "GET", "/v1/webhook-endpoints?limit=100");
  endpointId = listed.body.data.endpoints.find((endpoint) => endpoint.url === url)?.id;

  // Trigger an event by editing the contact in the dashboard.
  await page.goto(`/contacts/${contact.id}`);
  await expect(page.getByLabel("Name")).toBeEnabled();
  await page.getByLabel("Name").fill(uniqueName("Webhook edited"));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  const isOurs = () => receiver.received.filter((w) => w.body.type === "contact.updated" && w.body.data.contact?.id === contact.id);
  await expect.poll(() => isOurs().length, { timeout: 20_000 }).toBe(1);
  const [delivered] = isOurs();
  expect(delivered.verified).toBe(true);

  // The delivery shows in the list (it refreshes on its own): event, status, attempts, answer, latency.
  await page.goto("/settings/webhooks");
  const resendName = `Resend contact.updated ${delivered.webhookId}`;
  const row = card.getByRole("row").filter({ has: page.getByRole("button", { name: resendName }) });
  const resend = row.getByRole("button", { name: resendName });
  await expect(row.getByRole("rowheader")).toHaveText("contact.updated");
  await expect(row.getByRole("cell").nth(0)).toHaveText("succeeded");
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");
  await expect(row.getByRole("cell").nth(2)).toHaveText("200");
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^\d+ ms$/);
  await expectAccessible(page);
  await saveScreenshot(page, "webhooks");

  await resend.click();
  await expect(page.getByText("Resending contact.updated")).toBeVisible();
  await expect.poll(() => isOurs().length, { timeout: 20_000 }).toBe(2);
  expect(isOurs()[1]).toMatchObject({ webhookId: delivered.webhookId, verified: true });
  await expect(row.getByRole("cell").nth(1)).toHaveText("2");
  await expect(row.getByRole("cell").nth(0)).toHaveText("succeeded");
});
