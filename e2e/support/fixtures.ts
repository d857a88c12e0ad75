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
  secondStaff: { email: string; password: string; name: string };
  timelineContactId: string;
  timelineConversations: number;
  otherWorkspaceContactId: string;
  xssContactId: string;
}

export function readSeed(): E2eSeed {
  return JSON.parse(fs.readFileSync(SEED_FILE, "utf8")) as E2eSeed;
}

/**
 * Every spec's page reports Content-Security-Policy violations (the browser's
 * `securitypolicyviolation` events and its "Content Security Policy" console errors); a test that
 * caused any fails. A spec that causes one on purpose empties the list after checking it.
 */
async function watchContentSecurityPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (violation: string) => void }).__reportCspViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || "an inline script or style"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

export const test = base.extend<{ seed: E2eSeed; cspViolations: string[] }>({
  seed: async ({}, provide) => provide(readSeed()),
  cspViolations: [
    async ({ page }, provide) => {
      const violations = await watchContentSecurityPolicy(page);
      await provide(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Fails on any serious or critical axe violation, listing each with the offending nodes. Judged once
 * the page's finite animations have ended: a toast fading in has a contrast no one reads it at.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== "running" || animation.effect?.getComputedTiming().endTime === Infinity),
  );
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
  // Transitions finished: a colour scheme switched just before would otherwise show half-way (buttons fade their colours).
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage, animations: "disabled" });
}
