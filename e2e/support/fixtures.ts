import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { SCREENSHOT_DIR, SEED_FILE } from "./paths";

export interface E2eSeed {
  workspaceId: string;
  workspaceName: string;
  chatbotIds: string[];
  apiKey: string;
  staff: { email: string; password: string; name: string };
  timelineContactId: string;
  timelineConversations: number;
  otherWorkspaceContactId: string;
}

export function readSeed(): E2eSeed {
  return JSON.parse(fs.readFileSync(SEED_FILE, "utf8")) as E2eSeed;
}

export const test = base.extend<{ seed: E2eSeed }>({
  seed: async ({}, provide) => provide(readSeed()),
});

export { expect };

/** Fails on any serious or critical axe violation, listing each with the offending nodes. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(blocking, "serious or critical accessibility violations").toEqual([]);
}

/**
 * A full-page screenshot for people to look at (e2e/screenshots/, git-ignored). With a modal
 * open, only the viewport: the modal locks page scrolling, which full-page capture waits on.
 */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}
