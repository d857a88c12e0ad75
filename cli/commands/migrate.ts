import type { Command } from "commander";
import { openStore } from "../../lib/db/client";
import { migrateToLatest } from "../../lib/db/migrate";
import { printLines } from "../output";
import { withStore } from "../store";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations")
    .action(async () => {
      // Opened unmigrated so that the names of the migrations applied now can be reported.
      const applied = await withStore(
        (store) => migrateToLatest(store),
        async () => openStore(),
      );
      printLines(applied.length > 0 ? applied.map((name) => `Applied migration ${name}`) : ["Database is up to date"]);
    });
}
