"use client";
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { barSpan, columnAt, labelledColumns, niceTicks, stackParts, valueY } from "./chart-scale";
import { describeDay, type DayRow, type Series } from "./day-rows";
import { DayTooltip } from "./day-tooltip";
import { formatCount, formatShortDay } from "./format";
import { useElementSize } from "./use-element-size";

// Axis labels are 12 px; this is a generous average width of one of their characters, so that the
// space kept for them is never short.
const CHAR_WIDTH = 7;
// Room between the labels and the focus ring drawn around the chart.
const INSET = 6;
const PLOT_TOP = 14;
const X_AXIS_HEIGHT = 26;

const KEY_MOVES: Record<string, (day: number, last: number) => number> = {
  ArrowLeft: (day) => Math.max(0, day - 1),
  ArrowRight: (day, last) => Math.min(last, day + 1),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * Days as stacked bars, one colour per series, in one tab stop. The day under the pointer (or the
 * finger) is highlighted and its figures shown in a tooltip; so is the keyboard's day, which the
 * arrow keys, Home and End move and which a live region announces. Escape puts the tooltip away.
 */
export function StackedBarChart({ rows, series, label, summaryId }: { rows: DayRow[]; series: Series[]; label: string; summaryId: string }) {
  const hintId = useId();
  const surface = useRef<HTMLDivElement>(null);
  const tooltip = useRef<HTMLDivElement>(null);
  const { width, height, pixel } = useElementSize(surface);
  const [hovered, setHovered] = useState<number | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const last = rows.length - 1;
  // Days past the end (the rows were replaced by fewer) count as none.
  const active = [hovered, cursor].find((day) => day !== null && day <= last) ?? null;
  const cursorRow = cursor !== null ? rows[cursor] : undefined;

  const ticks = niceTicks(Math.max(0, ...rows.map((row) => row.total)));
  const top = ticks[ticks.length - 1];
  const labelWidth = CHAR_WIDTH * Math.max(0, ...rows.map((row) => formatShortDay(row.date).length));
  const plotLeft = INSET + CHAR_WIDTH * formatCount(top).length + 8;
  // The last day's label is centred under it: keep half a label's room on the right.
  const plotWidth = Math.max(0, width - plotLeft - Math.ceil(labelWidth / 2) - INSET);
  const plotHeight = Math.max(0, height - PLOT_TOP - X_AXIS_HEIGHT);
  const column = plotWidth / rows.length;
  const y = (value: number) => valueY(value, top, PLOT_TOP, plotHeight);
  const columnCentre = (index: number) => plotLeft + column * (index + 0.5);

  // Beside the day's column, on the side where it fits, inside the chart.
  useLayoutEffect(() => {
    const box = tooltip.current;
    if (!box || active === null) return;
    const centre = plotLeft + column * (active + 0.5);
    const boxWidth = box.offsetWidth;
    const left = centre + 12 + boxWidth <= width ? centre + 12 : centre - 12 - boxWidth;
    box.style.left = `${Math.max(0, Math.min(left, width - boxWidth))}px`;
  }, [active, column, plotLeft, width]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") {
      setCursor(null);
      setHovered(null);
      return;
    }
    const move = KEY_MOVES[event.key];
    if (!move || rows.length === 0) return;
    event.preventDefault();
    setCursor((day) => move(day ?? last, last));
  }

  function onPointer(event: PointerEvent<SVGSVGElement>) {
    setHovered(columnAt(event.clientX - event.currentTarget.getBoundingClientRect().left, rows.length, plotLeft, plotWidth));
  }

  return (
    <div
      ref={surface}
      role="application"
      tabIndex={0}
      aria-label={label}
      aria-describedby={`${summaryId} ${hintId}`}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        // A click or a tap focuses the chart too; only focus from the keyboard puts the cursor on today.
        if (event.currentTarget.matches(":focus-visible") && rows.length > 0) setCursor(last);
      }}
      onBlur={() => {
        setCursor(null);
        setHovered(null);
      }}
      className="relative mt-3 h-72 rounded-md text-slate-600 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-slate-400"
    >
      <span id={hintId} className="sr-only">
        Use the arrow keys to move from day to day.
      </span>
      {width > 0 && rows.length > 0 && (
        <svg
          aria-hidden="true"
          focusable="false"
          className="block size-full"
          fontSize={12}
          onPointerMove={onPointer}
          onPointerDown={onPointer}
          // A finger lifted leaves the tooltip up, as a tap's answer; a mouse that leaves takes it away.
          onPointerLeave={(event) => {
            if (event.pointerType === "mouse") setHovered(null);
          }}
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={plotLeft} x2={plotLeft + plotWidth} y1={y(tick)} y2={y(tick)} stroke="currentColor" strokeOpacity={tick === 0 ? 0.3 : 0.15} />
              <text x={plotLeft - 8} y={y(tick)} dy="0.32em" textAnchor="end" fill="currentColor">
                {formatCount(tick)}
              </text>
            </g>
          ))}
          <line x1={plotLeft} x2={plotLeft} y1={PLOT_TOP} y2={PLOT_TOP + plotHeight} stroke="currentColor" strokeOpacity={0.3} />
          {active !== null && (
            // At least 8 px wide, so that a phone's 3 px column still shows which day is meant.
            <rect x={columnCentre(active) - Math.max(column, 8) / 2} y={PLOT_TOP} width={Math.max(column, 8)} height={plotHeight} fill="currentColor" fillOpacity={0.18} />
          )}
          {rows.map((row, day) => {
            const bar = barSpan(day, rows.length, plotLeft, plotWidth, pixel);
            return (
              <g key={row.date} data-day={row.date} data-total={row.total}>
                {stackParts(row.counts).map((part) => (
                  <rect key={part.series} x={bar.x} width={bar.width} y={y(part.to)} height={y(part.from) - y(part.to)} fill={series[part.series].color} />
                ))}
              </g>
            );
          })}
          <g data-axis="x">
            {labelledColumns(rows.length, column, labelWidth + 16).map((day) => (
              <text key={day} x={columnCentre(day)} y={PLOT_TOP + plotHeight + 18} textAnchor="middle" fill="currentColor">
                {formatShortDay(rows[day].date)}
              </text>
            ))}
          </g>
        </svg>
      )}
      {active !== null && (
        <div ref={tooltip} aria-hidden="true" data-chart-tooltip="" className="pointer-events-none absolute top-2 z-10 w-max max-w-full">
          <DayTooltip row={rows[active]} series={series} />
        </div>
      )}
      <p role="status" className="sr-only">
        {cursorRow ? describeDay(cursorRow, series) : ""}
      </p>
    </div>
  );
}
