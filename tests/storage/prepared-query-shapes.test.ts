import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { MAX_COMPILED_SHAPES, preparedQueryByShape } from "../../lib/db/prepared-query";
import { createTenant, testStore } from "../support/fixtures";

// A query compiled once per shape keeps at most MAX_COMPILED_SHAPES of them per backend: the
// oldest is dropped first, and compiled again, with the same answer, when it comes back.

describe("shapes of a prepared query", () => {
  it("are kept up to the cap; the oldest is dropped and compiled again on its next use", async () => {
    const store = testStore();
    const { workspaceId } = await createTenant("Prepared query shapes");
    const builds: number[] = [];
    const shapeOf = preparedQueryByShape<number, { workspaceId: string }, { shape: number }>((db, value, _dialect, shape) => {
      builds.push(shape);
      return db.selectFrom("workspaces").select(sql<number>`${sql.lit(shape)}`.as("shape")).where("id", "=", value("workspaceId"));
    });
    const run = async (shape: number) => {
      const rows = await shapeOf(store, String(shape), shape, { workspaceId });
      expect(rows.map((row) => Number(row.shape))).toEqual([shape]);
    };

    for (let shape = 0; shape < MAX_COMPILED_SHAPES; shape++) await run(shape);
    await run(0);
    expect(builds).toHaveLength(MAX_COMPILED_SHAPES);

    // One shape more: the oldest (0) makes room, the newest stay.
    await run(MAX_COMPILED_SHAPES);
    await run(MAX_COMPILED_SHAPES - 1);
    expect(builds).toHaveLength(MAX_COMPILED_SHAPES + 1);
    await run(0);
    expect(builds.slice(MAX_COMPILED_SHAPES)).toEqual([MAX_COMPILED_SHAPES, 0]);
  });
});
