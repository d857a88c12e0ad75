import type { Command } from "commander";
import { createChatbot } from "../../lib/chatbots/repository";
import { parseName } from "../arguments";
import { printJson, printLines } from "../output";
import { requireWorkspace, withStore } from "../store";

export function registerChatbots(program: Command): void {
  const chatbots = program.command("chatbots").description("manage chatbots");

  chatbots
    .command("create")
    .description("add a chatbot to a workspace")
    .requiredOption("--workspace <id>", "workspace id")
    .requiredOption("--name <name>", "chatbot name", parseName)
    .option("--json", 'print only {"id","workspaceId","name"} as one line of JSON')
    .action(async (options: { workspace: string; name: string; json?: boolean }) => {
      const chatbot = await withStore(async (store) => {
        await requireWorkspace(store, options.workspace);
        return createChatbot(store, options.workspace, options.name);
      });
      if (options.json) printJson({ id: chatbot.id, workspaceId: chatbot.workspace_id, name: chatbot.name });
      else printLines([`Created chatbot ${chatbot.id} ("${chatbot.name}") in workspace ${chatbot.workspace_id}.`]);
    });
}
