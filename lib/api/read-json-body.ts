import { ApiError, validationError } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

function isJsonContentType(header: string | null): boolean {
  const mediaType = header?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

const tooLarge = () => new ApiError("payload_too_large", "Request body must be at most 1 MiB");

/** A body without a Content-Length, read chunk by chunk, stopping as soon as it passes 1 MiB. */
async function readAtMostLimit(request: Request): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** The body's bytes, at most 1 MiB (reading stops as soon as the stream passes it), of a JSON request. */
export async function readBodyBytes(request: Request): Promise<Uint8Array> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new ApiError("unsupported_media_type", "Content-Type must be application/json");
  }
  const declaredLength = request.headers.get("content-length");
  if (Number(declaredLength ?? "0") > MAX_BODY_BYTES) throw tooLarge();

  // With a Content-Length (at most 1 MiB, above), HTTP framing holds the body to it: read it whole,
  // without a stream between. Without one (chunked), count the chunks as they come.
  return declaredLength === null ? await readAtMostLimit(request) : new Uint8Array(await request.arrayBuffer());
}

/** A body's bytes as the JSON object they must be. */
export function parseJsonObject(bytes: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw validationError({ body: "Must be UTF-8 encoded JSON" });
  }
  if (text.trim() === "") throw validationError({ body: "Must be a JSON object" });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw validationError({ body: "Must be valid JSON" });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw validationError({ body: "Must be a JSON object" });
  }
  return parsed as Record<string, unknown>;
}

/** Reads at most 1 MiB, stopping as soon as the stream passes it, then parses a JSON object. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  return parseJsonObject(await readBodyBytes(request));
}
