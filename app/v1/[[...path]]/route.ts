import { unknownPath } from "@/lib/api/fallback-routes";

// Any other path under /v1 — 404 in the contract's envelope
export { unknownPath as GET, unknownPath as POST, unknownPath as PUT, unknownPath as PATCH, unknownPath as DELETE };
