import { apiApp } from "@/lib/api/api-app";

// Every /v1 request — the whole API is one app (lib/api/app.ts); Next.js only hands requests to it.
const handle = (request: Request) => apiApp.fetch(request);

export { handle as GET, handle as HEAD, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
