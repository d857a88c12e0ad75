// The arithmetic of the overview's stacked bar chart, free of React and the DOM so that it can be
// unit-tested: value ticks, where a day's bar and its stacked parts go, which days get a label.

/**
 * Integer ticks from 0 up to at least `max`, in steps of 1, 2 or 5 × 10ⁿ, with at most
 * `maxIntervals` steps. An empty period (max 0) still gets an axis: 0 and 1.
 */
export function niceTicks(max: number, maxIntervals = 5): number[] {
  const top = Math.max(1, Math.ceil(max));
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const factor of [1, 2, 5]) {
      const step = factor * magnitude;
      const intervals = Math.ceil(top / step);
      if (intervals <= maxIntervals) return Array.from({ length: intervals + 1 }, (_, i) => i * step);
    }
  }
}

/** A value's y on whole pixels: 0 at the plot's bottom, `top` at its top. */
export function valueY(value: number, top: number, plotTop: number, plotHeight: number): number {
  return Math.round(plotTop + plotHeight * (1 - value / top));
}

/**
 * The bar of the `index`-th of `count` equal columns across `width` pixels from `left`, centred in
 * its column. Its edges fall on device pixels (`pixel` is one device pixel in CSS pixels), every bar
 * as wide as the others (about 80 % of the column) and at least a device pixel from the next. A
 * column under 4 device pixels has no room for that: its bar is 75 % of it, edges anti-aliased,
 * rather than a hairline or merged into its neighbours.
 */
export function barSpan(index: number, count: number, left: number, width: number, pixel = 1): { x: number; width: number } {
  const column = width / count;
  const centre = left + column * (index + 0.5);
  const columnPixels = column / pixel;
  if (columnPixels < 4) return { x: centre - (column * 0.75) / 2, width: column * 0.75 };
  const barWidth = Math.min(Math.floor(columnPixels) - 1, Math.round(columnPixels * 0.8)) * pixel;
  return { x: Math.round((centre - barWidth / 2) / pixel) * pixel, width: barWidth };
}

/** The column under `x` (`left` is where the first starts), or null outside the columns. */
export function columnAt(x: number, count: number, left: number, width: number): number | null {
  const index = Math.floor(((x - left) / width) * count);
  return index >= 0 && index < count ? index : null;
}

/** The parts of one stacked bar, bottom first: each non-zero count's [from, to) on the value axis. */
export function stackParts(counts: readonly number[]): { series: number; from: number; to: number }[] {
  const parts: { series: number; from: number; to: number }[] = [];
  let from = 0;
  counts.forEach((count, series) => {
    if (count > 0) parts.push({ series, from, to: from + count });
    from += count;
  });
  return parts;
}

// Day steps between labels: every day, every other day, then whole weeks, so that all labels fall
// on the same weekday as the last day.
const LABEL_STEPS = [1, 2, 7, 14, 28, 56];

/**
 * The columns that get a label, so that labels are at least `minSpacing` pixels apart: counted
 * back from the last column (today), oldest first.
 */
export function labelledColumns(count: number, columnWidth: number, minSpacing: number): number[] {
  const step = LABEL_STEPS.find((s) => s * columnWidth >= minSpacing) ?? count;
  const columns: number[] = [];
  for (let i = count - 1; i >= 0; i -= step) columns.unshift(i);
  return columns;
}
