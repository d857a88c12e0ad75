import { staffRoute } from "@/lib/api/handler";
import { success } from "@/lib/api/respond";
import { getWorkspaceStats } from "@/lib/stats/service";

// GET /api/workspace/stats — the overview's totals, per-chatbot counts and new contacts per day
export const GET = staffRoute(async ({ principal, store }) => success(await getWorkspaceStats(store, principal.workspaceId)));
