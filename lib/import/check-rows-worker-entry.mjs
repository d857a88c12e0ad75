// A worker thread does not inherit the CLI's TypeScript loader; this registers it again.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
await import("./check-rows-worker.ts");
