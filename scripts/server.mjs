// `npm run serve`: launches the TypeScript production server (lib/server) through tsx.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../lib/server/main.ts");
