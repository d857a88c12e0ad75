import { describe, expect, it } from "vitest";
import { dayRowsOf, describeDay, seriesOf, summaryOf } from "@/components/overview/day-rows";

const series = seriesOf([
  { chatbotId: "b1", name: "Support bot", contacts: 0 },
  { chatbotId: "b2", name: "Sales bot", contacts: 0 },
]);

describe("the overview chart's sentences", () => {
  it("sum the days, name the busiest day and the leading chatbot", () => {
    const rows = dayRowsOf(
      [
        { date: "2026-11-30", counts: { b1: 1, b2: 4 } },
        { date: "2026-12-01", counts: { b1: 2 } },
      ],
      series,
    );
    expect(summaryOf(rows, series)).toMatch(/^7 new contacts in the last 90 days; the busiest day was .*Nov 30.* with 5\. Sales bot collected the most \(4\)\.$/);
    expect(describeDay(rows[1], series)).toMatch(/Dec 1.*: 2 new contacts \(Support bot 2, Sales bot 0\)\.$/);
  });

  it("say one new contact, not one new contacts", () => {
    const rows = dayRowsOf([{ date: "2026-12-01", counts: { b2: 1 } }], series);
    expect(summaryOf(rows, series)).toMatch(/^1 new contact in the last 90 days;/);
    expect(describeDay(rows[0], series)).toMatch(/: 1 new contact \(/);
  });
});
