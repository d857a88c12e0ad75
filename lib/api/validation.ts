import type { z } from "zod";
import { issuesToDetails } from "../validation/issues";
import { validationError } from "./errors";

export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  unknownFieldMessages?: Record<string, string>,
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(issuesToDetails(result.error.issues, unknownFieldMessages));
  return result.data;
}
