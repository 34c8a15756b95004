import { memo, useRef } from 'react';
import { CartesianGrid, ReferenceLine } from 'recharts';
import { formatSi } from '../../../lib/format/format-si';
import { formatClock, formatDay, formatDayTime } from '../../../lib/format/format-time';

// Recharts 3 keeps each chart's axes, lines and reference lines in a store of its own, written from effects
// of the components that describe them. A ReferenceLine writes itself there on EVERY render (remove, then
// add), an axis whenever a prop is a new object or function, and each write makes every part of the chart
// re-read the store. The service page draws six charts once a second (1-minute window): so the parts below
// are memoised, and their props kept the same objects from one render to the next, so that a new sample
// changes the data and the x-axis's window and nothing else.

/** The same grid and reference lines, re-rendered only when their own props change. */
export const StableGrid = memo(CartesianGrid);
export const StableReferenceLine = memo(ReferenceLine);

export const chartMargin = { top: 4, right: 8, bottom: 0, left: 0 };
export const tooltipStyle = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  color: 'var(--text)',
};

export const siTick = (value: number) => formatSi(value);
const clockMinutes = (at: number) => formatClock(at).slice(0, 5);
const pointAt = (value: unknown) => formatClock(Number(value));
const dayPointAt = (value: unknown) => formatDayTime(Number(value));

/** Days: dates; hours: hours and minutes; the live minutes: seconds too (one function per kind, not per render). */
export function tickFormatter(windowMs: number, showDates: boolean): (at: number) => string {
  return showDates ? formatDay : windowMs > 900_000 ? clockMinutes : formatClock;
}

/** A point's tooltip label: a long range's names its day as well. */
export function pointFormatter(windowMs: number): (value: unknown) => string {
  return windowMs > 900_000 ? dayPointAt : pointAt;
}

/** The previous value while `same(previous, next)`: an axis's ticks stay the same array between samples. */
export function useSameWhile<T>(value: T, same: (previous: T, next: T) => boolean): T {
  const kept = useRef(value);
  if (kept.current !== value && !same(kept.current, value)) kept.current = value;
  return kept.current;
}

export const sameNumbers = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);
