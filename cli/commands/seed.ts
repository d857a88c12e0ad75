import type { Command } from "commander";
import { DEFAULT_DEMO_CONTACTS, DEMO_WORKSPACE_NAME } from "../../lib/seed/demo-defaults";
import type { SeededWorkspace } from "../../lib/seed/seed-workspace";
import { parseContactCount, parseName } from "../arguments";
import { curlLine, printJson, printLines } from "../output";
import { progressBar } from "../progress";
import { withStore } from "../store";

interface SeedCommandOptions {
  contacts: number;
  name: string;
  json?: boolean;
}

function summary(seeded: SeededWorkspace, seconds: number): string[] {
  const width = Math.max(...seeded.chatbots.map((c) => c.id.length));
  return [
    `Seeded workspace "${seeded.workspaceName}" in ${seconds.toFixed(seconds < 10 ? 2 : 1)} s`,
    "",
    `  Workspace:  ${seeded.workspaceId}`,
    ...seeded.chatbots.map((c, i) => `  ${i === 0 ? "Chatbots:" : "         "}   ${c.id.padEnd(width)}  ${c.name}`),
    `  Contacts:   ${seeded.contacts.toLocaleString("en-US")} with ${seeded.conversations.toLocaleString("en-US")} conversations`,
    `  API key:    ${seeded.apiKey}`,
    "              Shown only once: copy it now.",
    "",
    "Try it:",
    `  ${curlLine(seeded.apiKey)}`,
  ];
}

export function registerSeed(program: Command): void {
  program
    .command("seed")
    .description("create a new demo workspace: 3 chatbots, demo contacts with conversations, and an API key")
    .option("--contacts <count>", "number of demo contacts", parseContactCount, DEFAULT_DEMO_CONTACTS)
    .option("--name <name>", "workspace name", parseName, DEMO_WORKSPACE_NAME)
    .option("--json", 'print only {"workspaceId","chatbotIds","apiKey"} as one line of JSON')
    .action(async (options: SeedCommandOptions) => {
      const started = performance.now();
      const { seedWorkspace } = await import("../../lib/seed/seed-workspace");
      const progress = progressBar("Seeding contacts", options.contacts);
      const seeded = await withStore((store) =>
        seedWorkspace(store, { name: options.name, contacts: options.contacts, onProgress: progress.update }),
      ).finally(() => progress.stop());
      if (options.json) {
        printJson({ workspaceId: seeded.workspaceId, chatbotIds: seeded.chatbots.map((c) => c.id), apiKey: seeded.apiKey });
      } else {
        printLines(summary(seeded, (performance.now() - started) / 1000));
      }
    });
}
