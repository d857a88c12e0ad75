import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener, RequestError } from "@hono/node-server";
import compression from "compression";
import { apiApp } from "../api/api-app";
import type { ErrorCode } from "../api/errors";
import type { FieldErrors } from "../errors";
import { apiErrorAnswer } from "./api-error-response";

// Node's request to the API app and its answer back, through Hono's Node adapter: it hands the app
// a Request that reads Node's request only for what the app asks of it, and writes an answer built
// from a string with its headers straight to Node, without a web Response between (together about
// a fifth of a small request's CPU with full web Request and Response objects).

const compress = compression();

function apiErrorResponse(code: ErrorCode, message: string, details?: FieldErrors): Response {
  const { status, headers, body } = apiErrorAnswer(code, message, undefined, details);
  return new Response(body, { status, headers });
}

const listener = getRequestListener(apiApp.fetch, {
  errorHandler: (error) => {
    // A Host header no URL can hold: the request is not valid HTTP, as for an unreadable Content-Length.
    if (error instanceof RequestError) {
      return apiErrorResponse("validation_error", "The request is not valid HTTP/1.1", { Host: "Could not be read" });
    }
    console.error("API request failed outside its route handler:", error);
    return apiErrorResponse("internal_error", "Something went wrong on our side");
  },
});

/** Answers a /v1 request; compressed, as Next.js does for its own answers, when the client accepts it and the body is over 1 KiB. */
export function answerApiRequest(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers["accept-encoding"]) compress(req as never, res as never, () => void listener(req, res));
  else void listener(req, res);
}
