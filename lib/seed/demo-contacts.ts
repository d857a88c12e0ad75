import { faker } from "@faker-js/faker/locale/en_US";
import type { NewContactRow } from "../db/schema";
import { newId } from "../ids";
import { MAX_CONVERSATION_MS } from "./demo-conversations";
import { demoMetadata } from "./demo-metadata";

const DAY_MS = 86_400_000;
const HISTORY_MS = 180 * DAY_MS;
// Even the newest contact leaves room for a whole conversation to have started and ended since.
const NEWEST_CONTACT_AGE_MS = MAX_CONVERSATION_MS + 15 * 60_000;

const FREE_MAIL_PROVIDERS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "aol.com"];
const COMPANY_TLDS = [".com", ".com", ".io", ".co", ".net"];

function maybe<T>(probability: number, value: () => T): T | null {
  return faker.datatype.boolean({ probability }) ? value() : null;
}

/** Work addresses use the company's domain (`Wiegand, Pollich and Pagac` → `wiegand.com`). */
function demoEmail(firstName: string, lastName: string, company: string): string {
  const companyWord = company.split(/[\s,-]/)[0].toLowerCase().replace(/[^a-z0-9]/g, "");
  const provider =
    companyWord && faker.datatype.boolean({ probability: 0.4 })
      ? companyWord + faker.helpers.arrayElement(COMPANY_TLDS)
      : faker.helpers.arrayElement(FREE_MAIL_PROVIDERS);
  return faker.internet.email({ firstName, lastName, provider });
}

/** E.164 mostly, as the contract recommends; some national formats as people type them. */
function demoPhone(): string {
  return faker.phone.number({ style: faker.datatype.boolean({ probability: 0.75 }) ? "international" : "national" });
}

export interface DemoContactOptions {
  workspaceId: string;
  chatbotIds: readonly string[];
  now: number;
}

export function demoContact({ workspaceId, chatbotIds, now }: DemoContactOptions): NewContactRow {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const company = faker.company.name();
  const createdAt = faker.number.int({ min: now - HISTORY_MS, max: now - NEWEST_CONTACT_AGE_MS });
  const updatedAt = faker.datatype.boolean({ probability: 0.6 }) ? createdAt : faker.number.int({ min: createdAt, max: now });
  return {
    workspace_id: workspaceId,
    id: newId("contact_"),
    // The first chatbot collects the most contacts, the last the fewest.
    chatbot_id: faker.helpers.weightedArrayElement(chatbotIds.map((id, i) => ({ value: id, weight: chatbotIds.length - i }))),
    name: maybe(0.95, () => `${firstName} ${lastName}`),
    email: maybe(0.95, () => demoEmail(firstName, lastName, company)),
    phone: maybe(0.8, demoPhone),
    metadata: JSON.stringify(demoMetadata(company)),
    created_at: new Date(createdAt).toISOString(),
    updated_at: new Date(updatedAt).toISOString(),
  };
}
