import type { Command } from "commander";
import { createApiKey, listApiKeys, revokeApiKey } from "../../lib/api-keys/repository";
import { parseName } from "../arguments";
import { CliError, curlLine, formatTable, printJson, printLines } from "../output";
import { requireWorkspace, withStore } from "../store";

const DEFAULT_KEY_NAME = "CLI key";

function timestamp(value: string | null, fallback: string): string {
  return value ? value.replace(/\.\d{3}Z$/, "Z") : fallback;
}

export function registerKeys(program: Command): void {
  const keys = program.command("keys").description("create, list and revoke API keys");

  keys
    .command("create")
    .description("create an API key for a workspace (the key is shown only once)")
    .requiredOption("--workspace <id>", "workspace id")
    .option("--name <name>", "a name to recognise the key by", parseName, DEFAULT_KEY_NAME)
    .option("--json", 'print only {"id","workspaceId","name","apiKey"} as one line of JSON')
    .action(async (options: { workspace: string; name: string; json?: boolean }) => {
      const { apiKey, key } = await withStore(async (store) => {
        await requireWorkspace(store, options.workspace);
        return createApiKey(store, options.workspace, options.name);
      });
      if (options.json) {
        printJson({ id: apiKey.id, workspaceId: apiKey.workspace_id, name: apiKey.name, apiKey: key });
        return;
      }
      printLines([
        `Created API key ${apiKey.id} ("${apiKey.name}") for workspace ${apiKey.workspace_id}:`,
        "",
        `  ${key}`,
        "",
        "Shown only once: copy it now (only a hash is stored). Try it:",
        `  ${curlLine(key)}`,
      ]);
    });

  keys
    .command("list")
    .description("list a workspace's API keys (never the keys themselves)")
    .requiredOption("--workspace <id>", "workspace id")
    .action(async (options: { workspace: string }) => {
      const rows = await withStore(async (store) => {
        await requireWorkspace(store, options.workspace);
        return listApiKeys(store, options.workspace);
      });
      if (rows.length === 0) {
        printLines([`No API keys in workspace ${options.workspace}.`]);
        return;
      }
      const table = rows.map((k) => [
        k.id,
        k.name,
        `${k.key_prefix}…`,
        timestamp(k.created_at, ""),
        timestamp(k.last_used_at, "never"),
        timestamp(k.revoked_at, "-"),
      ]);
      printLines(formatTable(["ID", "NAME", "PREFIX", "CREATED", "LAST USED", "REVOKED"], table));
    });

  keys
    .command("revoke")
    .description("revoke an API key at once")
    .argument("<keyId>", "id of the key (key_…)")
    .action(async (keyId: string) => {
      const revoked = await withStore((store) => revokeApiKey(store, keyId));
      if (!revoked) throw new CliError(`no active API key with id "${keyId}"`);
      printLines([`Revoked API key ${keyId}: requests with it are now answered 401.`]);
    });
}
