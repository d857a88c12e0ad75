#!/usr/bin/env node
// Runs the TypeScript CLI in place through tsx, so there is no separate build step.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../cli/main.ts");
