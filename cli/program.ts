import { Command } from "commander";
import { registerBootstrap } from "./commands/bootstrap";
import { registerChatbots } from "./commands/chatbots";
import { registerImport } from "./commands/import";
import { registerKeys } from "./commands/keys";
import { registerMigrate } from "./commands/migrate";
import { registerSeed } from "./commands/seed";
import { registerUsers } from "./commands/users";
import { registerWorkspaces } from "./commands/workspaces";
import { reportError } from "./output";

// Commands that need faker (seed, bootstrap) or better-auth (users, bootstrap) import them when they
// run: loaded up front they added about 0.15 s to every command's start, `nexvio import`'s too.

const program = new Command("nexvio")
  .description("Operator CLI for Nexvio Contacts. Uses DATABASE_URL (default file:./data/nexvio.db), like the server.")
  .showHelpAfterError("(add --help for usage)");

registerMigrate(program);
registerSeed(program);
registerImport(program);
registerKeys(program);
registerChatbots(program);
registerWorkspaces(program);
registerUsers(program);
registerBootstrap(program);

try {
  await program.parseAsync();
} catch (error) {
  reportError(error);
}
