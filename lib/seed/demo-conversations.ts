import { faker } from "@faker-js/faker/locale/en_US";
import type { NewContactRow, NewConversationRow } from "../db/schema";
import { newId } from "../ids";

export const MAX_CONVERSATION_MS = 45 * 60_000;
const MIN_CONVERSATION_MS = 20_000;
const SUMMARY_PROBABILITY = 0.85;

const pick = faker.helpers.arrayElement;
const SUMMARIES: ReadonlyArray<() => string> = [
  () => `Customer asked about pricing plans and features for ${pick(["enterprise", "small teams", "agencies", "nonprofits"])}`,
  () => `Visitor asked whether the ${faker.commerce.productName()} ships to ${faker.location.country()}`,
  () => "User could not log in and was sent a password reset link",
  () => `Lead booked a product demo for a team of ${faker.number.int({ min: 3, max: 250 })}`,
  () => `Customer asked for a refund on order ORD-${faker.string.numeric(6)}`,
  () => "Visitor compared the Pro and Enterprise plans and asked for a quote",
  () => "Customer reported a billing error on the latest invoice",
  () => `Prospect asked about the integration with ${pick(["Salesforce", "HubSpot", "Zapier", "Slack", "Shopify"])}`,
  () => "User asked how to export their contacts to CSV",
  () => "Customer wanted to change the delivery address of an open order",
  () => "Visitor asked about data retention and GDPR compliance",
  () => "Customer asked to switch to annual billing",
  () => `Visitor asked for opening hours of the store in ${faker.location.city()}`,
  () => "Lead left their details for a callback from the sales team",
  () => "Customer asked how to cancel their subscription and accepted a discount to stay",
  () => "User reported that the mobile app crashes on startup",
  () => `Prospect asked for a case study from the ${pick(["retail", "healthcare", "education", "finance"])} industry`,
  () => "Customer checked the status of an open support ticket",
];

type ContactRef = Pick<NewContactRow, "workspace_id" | "id" | "chatbot_id" | "created_at">;

/** 0–6 conversations of a contact with its chatbot, all started after the contact was created. */
export function demoConversations(contact: ContactRef, now: number): NewConversationRow[] {
  const createdAt = Date.parse(contact.created_at);
  return Array.from({ length: faker.number.int({ min: 0, max: 6 }) }, () => {
    const startedAt = faker.number.int({ min: createdAt + 1_000, max: now - MAX_CONVERSATION_MS });
    const lastMessageAt = startedAt + faker.number.int({ min: MIN_CONVERSATION_MS, max: MAX_CONVERSATION_MS });
    return {
      workspace_id: contact.workspace_id,
      id: newId("conv_"),
      chatbot_id: contact.chatbot_id,
      contact_id: contact.id,
      started_at: new Date(startedAt).toISOString(),
      last_message_at: new Date(lastMessageAt).toISOString(),
      // Most chats are short; a few run long.
      message_count: 1 + Math.floor(40 * faker.number.float() ** 2),
      summary: faker.datatype.boolean({ probability: SUMMARY_PROBABILITY }) ? pick(SUMMARIES)() : null,
    };
  });
}
