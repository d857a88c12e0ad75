import { describe, expect, it } from "vitest";
import { barSpan, columnAt, labelledColumns, niceTicks, stackParts, valueY } from "../../components/overview/chart-scale";

// The overview chart's arithmetic (components/overview/chart-scale.ts), without a browser.

describe("niceTicks", () => {
  it.each([
    [0, [0, 1]],
    [0.4, [0, 1]],
    [1, [0, 1]],
    [4, [0, 1, 2, 3, 4]],
    [5, [0, 1, 2, 3, 4, 5]],
    [6, [0, 2, 4, 6]],
    [7, [0, 2, 4, 6, 8]],
    [11, [0, 5, 10, 15]],
    [23, [0, 5, 10, 15, 20, 25]],
    [48, [0, 10, 20, 30, 40, 50]],
    [99, [0, 20, 40, 60, 80, 100]],
    [1234, [0, 500, 1000, 1500]],
  ])("for a largest value of %d: %j", (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });

  it("always gives integer steps of 1, 2 or 5 × 10ⁿ that reach the largest value in at most 5 steps", () => {
    for (let max = 0; max <= 5000; max += 7) {
      const ticks = niceTicks(max);
      const step = ticks[1];
      expect(Number.isInteger(step)).toBe(true);
      expect(String(step)).toMatch(/^[125]0*$/);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.at(-2)).toBeLessThan(Math.max(1, max));
      expect(ticks.length - 1).toBeLessThanOrEqual(5);
    }
  });
});

describe("valueY", () => {
  it("puts 0 at the plot's bottom and the top tick at its top, on whole pixels", () => {
    expect(valueY(0, 4, 8, 256)).toBe(264);
    expect(valueY(4, 4, 8, 256)).toBe(8);
    expect(valueY(1, 3, 8, 100)).toBe(75);
  });
});

describe("barSpan", () => {
  const barsAcross = (plotWidth: number, pixel = 1) => Array.from({ length: 90 }, (_, i) => barSpan(i, 90, 40, plotWidth, pixel));

  it.each([
    [360, 1],
    [512, 1],
    [777, 1],
    [1400, 1],
    [282, 3],
    [300, 2],
  ])("across %d px at device pixel ratio %d: equal bars on device pixels, centred, a device pixel apart at least", (plotWidth, ratio) => {
    const pixel = 1 / ratio;
    const bars = barsAcross(plotWidth, pixel);
    const column = plotWidth / 90;
    for (const [i, bar] of bars.entries()) {
      expect(bar.x / pixel).toBeCloseTo(Math.round(bar.x / pixel), 9);
      expect(bar.width).toBeCloseTo(bars[0].width, 9);
      expect(Math.abs(bar.x + bar.width / 2 - (40 + column * (i + 0.5)))).toBeLessThanOrEqual(pixel / 2 + 1e-9);
      if (i > 0) expect(bar.x - (bars[i - 1].x + bars[i - 1].width)).toBeGreaterThanOrEqual(pixel - 1e-9);
    }
    expect(bars[0].x).toBeGreaterThanOrEqual(40);
    expect(bars[89].x + bars[89].width).toBeLessThanOrEqual(40 + plotWidth);
  });

  it("makes bars about 80 % of a wide column", () => {
    expect(barSpan(0, 90, 0, 1800).width).toBe(16);
    expect(barSpan(0, 90, 0, 900).width).toBe(8);
    expect(barSpan(0, 90, 0, 510).width).toBe(4);
    expect(barSpan(0, 90, 0, 360).width).toBe(3);
    expect(barSpan(0, 90, 0, 282, 1 / 3).width).toBeCloseTo(8 / 3, 9);
  });

  it("in a column under 4 device pixels, fills 75 % of it rather than drawing hairlines", () => {
    const bars = barsAcross(282);
    const column = 282 / 90;
    for (const [i, bar] of bars.entries()) {
      expect(bar.width).toBeCloseTo(column * 0.75, 9);
      expect(bar.x + bar.width / 2).toBeCloseTo(40 + column * (i + 0.5), 9);
    }
  });
});

describe("columnAt", () => {
  it("finds the column under a point and nothing outside the columns", () => {
    expect(columnAt(40, 90, 40, 450)).toBe(0);
    expect(columnAt(44.9, 90, 40, 450)).toBe(0);
    expect(columnAt(45, 90, 40, 450)).toBe(1);
    expect(columnAt(489.9, 90, 40, 450)).toBe(89);
    expect(columnAt(490, 90, 40, 450)).toBeNull();
    expect(columnAt(39, 90, 40, 450)).toBeNull();
    expect(columnAt(50, 90, 40, 0)).toBeNull();
  });
});

describe("stackParts", () => {
  it("stacks the non-zero counts bottom up in series order", () => {
    expect(stackParts([2, 0, 1])).toEqual([
      { series: 0, from: 0, to: 2 },
      { series: 2, from: 2, to: 3 },
    ]);
    expect(stackParts([0, 0])).toEqual([]);
  });
});

describe("labelledColumns", () => {
  it("labels the last column and every step back, steps of whole weeks once days do not fit", () => {
    expect(labelledColumns(90, 60, 50)).toHaveLength(90);
    expect(labelledColumns(90, 30, 50)).toEqual(Array.from({ length: 45 }, (_, i) => 1 + 2 * i));
    expect(labelledColumns(90, 5.6, 58)).toEqual([5, 19, 33, 47, 61, 75, 89]);
    expect(labelledColumns(90, 3.3, 58)).toEqual([5, 33, 61, 89]);
  });

  it("keeps labels at least the given spacing apart at any width", () => {
    for (let plotWidth = 100; plotWidth <= 3000; plotWidth += 13) {
      const column = plotWidth / 90;
      const columns = labelledColumns(90, column, 58);
      expect(columns.at(-1)).toBe(89);
      for (let i = 1; i < columns.length; i++) expect((columns[i] - columns[i - 1]) * column).toBeGreaterThanOrEqual(58);
    }
  });
});
