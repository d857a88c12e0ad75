import type { Command } from "commander";
import { createWorkspace, listWorkspaces } from "../../lib/workspaces/repository";
import { parseName } from "../arguments";
import { formatTable, printJson, printLines } from "../output";
import { withStore } from "../store";

export function registerWorkspaces(program: Command): void {
  const workspaces = program.command("workspaces").description("create and list workspaces");

  workspaces
    .command("create")
    .description("create an empty workspace (then add chatbots, API keys and staff users to it)")
    .requiredOption("--name <name>", "workspace name", parseName)
    .option("--json", 'print only {"id","name"} as one line of JSON')
    .action(async (options: { name: string; json?: boolean }) => {
      const workspace = await withStore((store) => createWorkspace(store, options.name));
      if (options.json) {
        printJson({ id: workspace.id, name: workspace.name });
        return;
      }
      printLines([
        `Created workspace ${workspace.id} ("${workspace.name}"). Next:`,
        `  npx nexvio chatbots create --workspace ${workspace.id} --name "Website assistant"`,
        `  npx nexvio keys create --workspace ${workspace.id}`,
        `  npx nexvio users create --workspace ${workspace.id} --email you@example.com --password …`,
      ]);
    });

  workspaces
    .command("list")
    .description("list workspaces")
    .action(async () => {
      const rows = await withStore((store) => listWorkspaces(store));
      if (rows.length === 0) printLines(["No workspaces."]);
      else printLines(formatTable(["ID", "NAME", "CREATED"], rows.map((w) => [w.id, w.name, w.created_at])));
    });
}
