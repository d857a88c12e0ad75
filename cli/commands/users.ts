import type { Command } from "commander";
import { z } from "zod";
import { newStaffUserSchema } from "../../lib/staff/schemas";
import { listWorkspaces } from "../../lib/workspaces/repository";
import type { Store } from "../../lib/db/client";
import { CliError, formatTable, printJson, printLines } from "../output";
import { requireWorkspace, withStore } from "../store";

interface CreateOptions {
  email: string;
  password: string;
  name?: string;
  workspace?: string;
  json?: boolean;
}

/** The given workspace, or the only one there is. */
async function chooseWorkspace(store: Store, workspaceId: string | undefined): Promise<string> {
  if (workspaceId) return (await requireWorkspace(store, workspaceId)).id;
  const workspaces = await listWorkspaces(store);
  if (workspaces.length === 1) return workspaces[0].id;
  if (workspaces.length === 0) throw new CliError("there is no workspace yet: run `nexvio bootstrap` or `nexvio seed` first");
  throw new CliError(`there are ${workspaces.length} workspaces: choose one with --workspace (see \`nexvio users list\`)`);
}

export function registerUsers(program: Command): void {
  const users = program.command("users").description("create and list dashboard staff users");

  users
    .command("create")
    .description("create a staff user who signs in to the dashboard and sees one workspace")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--password <password>", "sign-in password (at least 8 characters)")
    .option("--name <name>", "display name (default: the part of the email before @)")
    .option("--workspace <id>", "workspace id (may be left out when there is only one)")
    .option("--json", 'print only {"id","workspaceId","email","name"} as one line of JSON')
    .action(async (options: CreateOptions) => {
      const parsed = newStaffUserSchema.safeParse({
        email: options.email,
        password: options.password,
        name: options.name ?? options.email.split("@")[0],
      });
      if (!parsed.success) throw new CliError(z.prettifyError(parsed.error));
      const { createStaffUser, StaffEmailTakenError } = await import("../../lib/staff/repository");
      const user = await withStore(async (store) => {
        const workspaceId = await chooseWorkspace(store, options.workspace);
        try {
          return await createStaffUser(store, workspaceId, parsed.data);
        } catch (error) {
          if (error instanceof StaffEmailTakenError) throw new CliError(error.message);
          throw error;
        }
      });
      if (options.json) {
        printJson(user);
        return;
      }
      printLines([`Created staff user ${user.email} (${user.id}) in workspace ${user.workspaceId}.`, "Sign in at /login."]);
    });

  users
    .command("list")
    .description("list staff users, per workspace")
    .option("--workspace <id>", "only this workspace")
    .action(async (options: { workspace?: string }) => {
      const { listStaffUsers } = await import("../../lib/staff/repository");
      const rows = await withStore(async (store) => {
        const workspaces = options.workspace ? [await requireWorkspace(store, options.workspace)] : await listWorkspaces(store);
        const perWorkspace = await Promise.all(workspaces.map((w) => listStaffUsers(store, w.id)));
        return perWorkspace.flat();
      });
      if (rows.length === 0) {
        printLines(["No staff users."]);
        return;
      }
      printLines(formatTable(["ID", "EMAIL", "NAME", "WORKSPACE"], rows.map((u) => [u.id, u.email, u.name, u.workspaceId])));
    });
}
