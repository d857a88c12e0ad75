import { defineConfig } from "@playwright/test";
import baseConfig from "../../playwright.config";
import { BENCH_BASE_URL } from "./paths";

// `npm run bench:dashboard`: how fast the contacts table answers a search or a sort on a
// 100,000-contact workspace, in real Chromium against the production build. A benchmark, not a
// test: it records timings in docs/dashboard-performance.md and asserts nothing about speed.
export default defineConfig({
  testDir: ".",
  testMatch: /\.bench\.ts$/,
  outputDir: "../../e2e/.results/bench",
  globalSetup: "./global-setup.ts",
  globalTeardown: "./global-teardown.ts",
  workers: 1,
  timeout: 10 * 60_000,
  reporter: [["list"]],
  use: { ...baseConfig.use, baseURL: BENCH_BASE_URL, trace: "off" },
});
