import { describe, expect, it } from "vitest";
import { insertChunks } from "@/lib/db/insert-chunks";

// Multi-row INSERTs are cached by their text, one text per chunk size: whatever the number of rows,
// the chunks keep their order and come in a handful of sizes.

const rows = (count: number, columns = 4) =>
  Array.from({ length: count }, (_, i) => Object.fromEntries(Array.from({ length: columns }, (_, c) => [`c${c}`, i])));

describe("insertChunks", () => {
  it("splits full chunks first, then the rest in descending powers of two", () => {
    // 4 columns: 7,500 rows fill a statement's 30,000 parameters.
    expect(insertChunks(rows(4_321), 4).map((chunk) => chunk.length)).toEqual([4_096, 128, 64, 32, 1]);
    expect(insertChunks(rows(16_000), 4).map((chunk) => chunk.length)).toEqual([7_500, 7_500, 512, 256, 128, 64, 32, 8]);
    expect(insertChunks(rows(1), 4).map((chunk) => chunk.length)).toEqual([1]);
    expect(insertChunks([], 4)).toEqual([]);
  });

  it("keeps every row once, in order", () => {
    const all = rows(9_999, 12);
    expect(insertChunks(all, 12).flat()).toEqual(all);
  });

  it("needs at most fifteen statement texts for any batch of up to 10,000 rows", () => {
    const all = rows(10_000);
    const sizes = new Set<number>();
    for (let count = 1; count <= all.length; count += 7) for (const chunk of insertChunks(all.slice(0, count), 4)) sizes.add(chunk.length);
    expect(sizes.size).toBeLessThanOrEqual(15);
  });
});
