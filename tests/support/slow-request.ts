import http from "node:http";
import type { ApiResponse } from "./api";

// A client that sends a request's body slowly: the request is certainly in flight at the server
// (it answered `100 Continue` to the headers) until the client chooses to finish the body.

export interface SlowAnswer {
  status: number;
  body: ApiResponse["body"];
  /** When it arrived (Date.now()). */
  at: number;
}

export interface SlowPost {
  finish: () => Promise<SlowAnswer>;
}

/** Sends the headers and half of `body` (ASCII JSON); resolves once the server has taken the request. */
export function openSlowPost(url: string, headers: Record<string, string>, body: string): Promise<SlowPost> {
  const half = Math.floor(body.length / 2);
  const request = http.request(url, {
    method: "POST",
    agent: false,
    headers: { ...headers, "content-type": "application/json", "content-length": String(body.length), expect: "100-continue" },
  });
  const answer = new Promise<SlowAnswer>((resolve, reject) => {
    request.once("error", reject);
    request.once("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), at: Date.now() }));
      response.once("error", reject);
    });
  });
  answer.catch(() => undefined); // reported by finish()
  return new Promise((resolve, reject) => {
    request.once("error", reject);
    request.once("continue", () => {
      request.write(body.slice(0, half));
      resolve({ finish: () => (request.end(body.slice(half)), answer) });
    });
    request.flushHeaders();
  });
}
