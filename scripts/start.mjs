// `npm start`: checks the Node version, then runs lib/server/quick-start.ts through tsx.
import { fileURLToPath } from "node:url";

const nodeMajor = Number(process.versions.node.split(".")[0]);
if (nodeMajor < 24) {
  console.error(`Nexvio Contacts runs on Node 24 or newer; this is Node ${process.versions.node}.`);
  console.error("On a machine with an older Node, run `source scripts/use-node-24.sh` first (it installs Node 24 from the npm registry).");
  process.exit(1);
}

const { register } = await import("tsx/esm/api");
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../lib/server/quick-start.ts");
