import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchParamsOf } from "../../lib/api/parse-request";

// The API reads a request's query without parsing its whole URL: it must read every query exactly
// as the URL parser does (percent-escapes, `+`, repeated and empty names, characters outside ASCII).

// What an HTTP request line can carry (no spaces or control characters), and characters a client should have escaped.
const queryCharacter = fc.constantFrom(..."ab=&+%20?/#;,:@$!'()*~-._é😀\"<>[]\\^`{|}".split(""), "%", "%2", "%zz", "%C3%A9", "%E2%82", "%00", "%2B", "%26", "%3D");

describe("searchParamsOf", () => {
  it("gives what new URL(url).searchParams gives, for any query", () => {
    fc.assert(
      fc.property(fc.array(queryCharacter, { maxLength: 40 }), (parts) => {
        const url = `http://localhost:3000/v1/contacts?${parts.join("")}`;
        expect([...searchParamsOf(url)]).toEqual([...new URL(url).searchParams]);
      }),
      { numRuns: 2000 },
    );
  });

  it("a URL without a query has no parameters", () => {
    expect([...searchParamsOf("http://localhost:3000/v1/contacts")]).toEqual([]);
    expect([...searchParamsOf("http://localhost:3000/v1/contacts?")]).toEqual([]);
  });
});
