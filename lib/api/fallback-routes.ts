import { ApiError } from "./errors";
import { publicRoute } from "./handler";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The `Allow` of a path: its methods, and HEAD wherever GET is. */
export function allowHeader(allowed: readonly string[]): string {
  return [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : [])].join(", ");
}

export function methodNotAllowedError(method: string, allowed: readonly string[]): ApiError {
  return new ApiError("method_not_allowed", `Method ${method} is not allowed here; use ${allowed.join(", ")}`, undefined, {
    Allow: allowHeader(allowed),
  });
}

/**
 * The handler for methods a dashboard route does not support: 405 in the contract's envelope with
 * `Allow` (Next.js would otherwise answer with an empty body). Route files export it under each such method.
 */
export function methodNotAllowed(allowed: readonly Method[]) {
  return publicRoute((request) => {
    throw methodNotAllowedError(request.method, allowed);
  });
}
