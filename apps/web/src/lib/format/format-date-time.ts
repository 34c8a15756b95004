import { formatClock } from './format-time';

/** A moment in a log: "2026-12-05 14:02:07" (the viewer's zone), sortable and the same in every language. */
export function formatDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${formatClock(epochMs)}`;
}
