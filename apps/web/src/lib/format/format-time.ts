/** A wall-clock time for "stale since 14:02:07" and chart axes (24 h, the viewer's zone). */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A date for the axis of a multi-day chart: "12-07" (month-day, the viewer's zone). */
export function formatDay(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Date and minute, for a point of a multi-day chart: "12-07 14:05". */
export function formatDayTime(epochMs: number): string {
  return `${formatDay(epochMs)} ${formatClock(epochMs).slice(0, 5)}`;
}
