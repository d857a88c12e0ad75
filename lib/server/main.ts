import path from "node:path";
import { startServerOrExit } from "./http-server";

// `npm run serve`: the production server on the build in this checkout.
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
const server = await startServerOrExit({ dir: path.resolve(import.meta.dirname, "../..") });
const address = server.address();
console.log(`Nexvio Contacts listening on http://localhost:${typeof address === "object" && address ? address.port : ""}`);
