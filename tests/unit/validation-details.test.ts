import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DETAIL_FIELD_MAX_LENGTH, issuesToDetails } from "@/lib/validation/issues";

describe("validation details", () => {
  it("names nested fields with dots and keeps the first message per field", () => {
    const result = z.object({ metadata: z.object({ plan: z.string() }) }).strict().safeParse({ metadata: { plan: 1 }, extra: true });
    expect(result.success).toBe(false);
    expect(issuesToDetails(result.error!.issues)).toEqual({ "metadata.plan": expect.any(String), extra: "Unknown field" });
  });

  it("cuts a field path longer than the documented bound, so an echoed 100 KB key cannot inflate the answer", () => {
    const key = "k".repeat(100_000);
    const result = z.object({ metadata: z.record(z.string().max(10), z.string()) }).safeParse({ metadata: { [key]: "v" } });
    const details = issuesToDetails(result.error!.issues);
    const [field] = Object.keys(details);
    expect(field).toHaveLength(DETAIL_FIELD_MAX_LENGTH);
    expect(field.startsWith("metadata.kkk")).toBe(true);
    expect(field.endsWith("…")).toBe(true);
  });
});
