import { faker } from "@faker-js/faker/locale/en_US";
import type { Metadata, MetadataValue } from "../validation/metadata";

// A varied pool of the custom fields chatbots typically collect; each demo contact gets 0–5 of them.

const SOURCES = ["Website", "Facebook", "Instagram", "WhatsApp", "LinkedIn", "Google Ads", "Referral", "Newsletter"];
const PLANS = ["free", "starter", "pro", "enterprise"];
const COUNTRIES = ["US", "CA", "GB", "IE", "DE", "FR", "ES", "NL", "SE", "AU", "BR", "MX", "IN", "JP"];
const LANGUAGES = ["en", "es", "fr", "de", "pt", "nl", "it", "ja"];
const CAMPAIGNS = ["spring_sale", "black_friday", "webinar_q3", "brand_search", "retargeting", "product_launch"];
const INDUSTRIES = ["Retail", "Healthcare", "Education", "Finance", "Real estate", "Hospitality", "Software", "Logistics"];

const FIELDS: ReadonlyArray<readonly [key: string, value: (company: string) => MetadataValue]> = [
  ["company", (company) => company],
  ["role", () => faker.person.jobTitle()],
  ["source", () => faker.helpers.arrayElement(SOURCES)],
  ["plan", () => faker.helpers.arrayElement(PLANS)],
  ["newsletter", () => faker.datatype.boolean()],
  ["leadScore", () => faker.number.int({ min: 0, max: 100 })],
  ["city", () => faker.location.city()],
  ["country", () => faker.helpers.arrayElement(COUNTRIES)],
  ["language", () => faker.helpers.arrayElement(LANGUAGES)],
  ["timezone", () => faker.location.timeZone()],
  ["teamSize", () => faker.number.int({ min: 1, max: 500 })],
  ["lifetimeValue", () => faker.number.float({ min: 0, max: 25_000, fractionDigits: 2 })],
  ["lastOrderId", () => `ORD-${faker.string.numeric(6)}`],
  ["utmCampaign", () => faker.helpers.arrayElement(CAMPAIGNS)],
  ["marketingOptIn", () => faker.datatype.boolean({ probability: 0.4 })],
  ["industry", () => faker.helpers.arrayElement(INDUSTRIES)],
  ["interestedIn", () => faker.commerce.productName()],
  ["vip", () => faker.datatype.boolean({ probability: 0.1 })],
];

export function demoMetadata(company: string): Metadata {
  const metadata: Metadata = {};
  for (const [key, value] of faker.helpers.arrayElements(FIELDS, { min: 0, max: 5 })) metadata[key] = value(company);
  return metadata;
}
