import type { ChartRow } from './chart-rows';

// The axes of a rate chart. y from 0 to a round number just above the data, so a drain from 130 to 50 fills
// the chart however far away a threshold is (a threshold above that is marked at the top edge instead).
// x always spans the chosen window, ending at the newest sample, so 3 minutes of data in a 15-minute window
// look like 3 minutes.

/** Round steps for y ticks: 1, 2, 2.5, 5 times a power of ten. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** 0 to a round maximum at or above `max`, in four or fewer round steps. */
export function yScale(max: number): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const step = niceStep(max / 4);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { top, ticks };
}

/** The largest value any line takes in these rows. */
export function dataMax(rows: readonly ChartRow[], keys: readonly string[]): number {
  let max = 0;
  for (const row of rows) {
    for (const key of keys) {
      const value = row[key];
      if (value !== undefined && value > max) max = value;
    }
  }
  return max;
}

// Up to 10 minutes for the live windows; the long ranges (1 h to 31 days) tick on round hours and days.
const timeSteps = [
  5, 10, 15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800,
  604_800,
].map((seconds) => seconds * 1000);

/**
 * The window ending at `end`, with ticks on round clock times, about five of them. Day ticks fall on the
 * viewer's midnights (`zoneOffsetMs`: what the local clock is ahead of UTC).
 */
export function xScale(
  end: number,
  windowMs: number,
  zoneOffsetMs = -new Date(end).getTimezoneOffset() * 60_000,
): { domain: [number, number]; ticks: number[] } {
  const start = end - windowMs;
  const step = timeSteps.find((candidate) => windowMs / candidate <= 5) ?? windowMs;
  const ticks: number[] = [];
  const shift = step >= 86_400_000 ? zoneOffsetMs : 0;
  for (let tick = Math.ceil((start + shift) / step) * step - shift; tick <= end; tick += step)
    ticks.push(tick);
  return { domain: [start, end], ticks };
}
