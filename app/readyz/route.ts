import { JSON_CONTENT_TYPE } from "@/lib/api/respond";
import { checkDatabase } from "@/lib/db/health";
import { log } from "@/lib/log";

// GET /readyz — readiness: the database answers. 503 tells a load balancer to send traffic elsewhere.
export async function GET() {
  const health = await checkDatabase();
  const headers = { "content-type": JSON_CONTENT_TYPE, "cache-control": "no-store" };
  if (health.reachable) return Response.json({ status: "ok", database: "ok" }, { headers });
  log.warn({ err: health.error }, "readiness check failed: database unreachable");
  return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers });
}
