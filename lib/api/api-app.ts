import { createApiApp } from "./app";
import { apiRoutes } from "./routes";

/** The /v1 API: one app, mounted by Next.js and by the production server. */
export const apiApp = createApiApp(apiRoutes);
