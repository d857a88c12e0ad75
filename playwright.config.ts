import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, STAFF_STATE_FILE } from "./e2e/support/paths";

// Playwright cannot download browsers here: use the system Chromium when there is one
// (CI installs it with apt-get), else Playwright's own browser (a developer laptop).
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const launchOptions = fs.existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/.results",
  globalSetup: "./e2e/support/global-setup.ts",
  globalTeardown: "./e2e/support/global-teardown.ts",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Generous: a 2-core CI machine runs the server, two browsers and axe scans at once.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL: E2E_BASE_URL,
    launchOptions,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "sign-in", testMatch: /auth\.setup\.ts/ },
    {
      name: "dashboard",
      testIgnore: /auth\.setup\.ts/,
      dependencies: ["sign-in"],
      use: { storageState: STAFF_STATE_FILE },
    },
  ],
});
