import { JSON_CONTENT_TYPE } from "@/lib/api/respond";

// GET /healthz — liveness: the process is up and serving. Touches nothing else (no database).
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "content-type": JSON_CONTENT_TYPE, "cache-control": "no-store" } });
}
