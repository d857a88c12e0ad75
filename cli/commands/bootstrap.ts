import type { Command } from "commander";
import { openStore } from "../../lib/db/client";
import { printLines } from "../output";
import { withStore } from "../store";

export function registerBootstrap(program: Command): void {
  program
    .command("bootstrap")
    .description("migrate, and create the demo workspace with an API key if the database has no workspace yet")
    .action(async () => {
      const port = process.env.PORT?.trim() || "3000";
      const { bootstrapDatabase } = await import("../../lib/seed/bootstrap");
      // bootstrapDatabase migrates itself, so it can report what it applied.
      const result = await withStore((store) => bootstrapDatabase(store, { port }), async () => openStore());
      printLines(result.lines);
    });
}
