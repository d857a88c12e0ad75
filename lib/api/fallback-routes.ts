import { ApiError } from "./errors";
import { publicRoute } from "./handler";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * The handler for methods a path does not support: 405 in the contract's envelope with `Allow`
 * (Next.js would otherwise answer with an empty body). Route files export it under each such method.
 */
export function methodNotAllowed(allowed: readonly Method[]) {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : [])].join(", ");
  return publicRoute((request) => {
    throw new ApiError("method_not_allowed", `Method ${request.method} is not allowed here; use ${allowed.join(", ")}`, undefined, {
      Allow: allow,
    });
  });
}

/** Any path under /v1 that no route matches. */
export const unknownPath = publicRoute((request) => {
  throw new ApiError("not_found", `No such endpoint: ${request.method} ${new URL(request.url).pathname}`);
});
