import type { ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { apiErrorAnswer } from "./api-error-response";

// A request Node's HTTP parser cannot read (a Content-Length no integer holds, a header name with a
// space) never reaches the app. Node's own answer is a bare 400; ours is the contract's envelope, as
// for any other refused request. The answers the contract has no code for stay Node's own.

const NODE_ANSWERS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
  HPE_CHUNK_EXTENSIONS_OVERFLOW: "413 Payload Too Large",
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
};

const FIELD_OF_PARSER_ERROR: Record<string, string> = {
  HPE_INVALID_CONTENT_LENGTH: "Content-Length",
  HPE_UNEXPECTED_CONTENT_LENGTH: "Content-Length",
  HPE_INVALID_TRANSFER_ENCODING: "Transfer-Encoding",
  HPE_INVALID_HEADER_TOKEN: "headers",
};

function badRequest(errorCode: string | undefined): string {
  const field = (errorCode && FIELD_OF_PARSER_ERROR[errorCode]) ?? "request";
  const { headers, body } = apiErrorAnswer("validation_error", "The request is not valid HTTP/1.1", undefined, { [field]: "Could not be read" });
  const head = Object.entries({ ...headers, connection: "close" }).map(([name, value]) => `${name}: ${value}\r\n`).join("");
  return `HTTP/1.1 400 Bad Request\r\n${head}\r\n${body}`;
}

/** The server's `clientError` listener: Node's default, with the contract's envelope for a 400. */
export function answerMalformedRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  // As Node does: nothing is written into a response already under way on this connection.
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (socket.writable && !inFlight?.headersSent && error.code !== "ECONNRESET") {
    const nodeAnswer = error.code ? NODE_ANSWERS[error.code] : undefined;
    socket.write(nodeAnswer ? `HTTP/1.1 ${nodeAnswer}\r\nConnection: close\r\n\r\n` : badRequest(error.code));
  }
  socket.destroy(error);
}
