import { ForbiddenError, InvalidInputError, NotFoundError, StaleVersionError } from "../errors";

// The contract's error codes, the HTTP status of each, and the one error class that carries them.
// The OpenAPI document, the server's own answers and the route wrapper all read ERROR_STATUS.

export const ERROR_STATUS = {
  validation_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  idempotency_key_in_use: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorDetails = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function validationError(details: ErrorDetails, message = "Invalid request data"): ApiError {
  return new ApiError("validation_error", message, details);
}

/** A domain error (lib/errors.ts) in the contract's terms; anything else stays unknown. */
export function apiErrorOf(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof NotFoundError) return new ApiError("not_found", error.message);
  if (error instanceof InvalidInputError) return validationError(error.fields, error.message);
  if (error instanceof ForbiddenError) return new ApiError("forbidden", error.message);
  if (error instanceof StaleVersionError) return new ApiError("precondition_failed", error.message);
  return undefined;
}
