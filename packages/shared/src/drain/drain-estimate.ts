// The pure parts of a drain: how many are left, how fast they go, when it will end, and when it has ended.
import type { DrainCounts } from './drain-progress.js';

/** One reading of what is left, ms since the epoch. */
export interface DrainPoint {
  at: number;
  left: number;
}

/**
 * The pace is measured over this much of the recent past: closed TCP connections leave the kernel's table in
 * bursts as their TIME_WAIT ends (2 min after they closed), so one interval's difference jumps between 0
 * and many; half a minute smooths that and still follows a drain that speeds up or stalls.
 */
export const PACE_WINDOW_MS = 30_000;

export function leftOf(counts: DrainCounts): number {
  return counts.active + counts.inactive + counts.templates;
}

/**
 * How many fewer per second, from the oldest reading inside the window to the newest (points in time
 * order); negative while the count grows (clients with a template come back); null with less than one
 * second between them.
 */
export function declinePerSecond(points: readonly DrainPoint[], windowMs = PACE_WINDOW_MS): number | null {
  const newest = points.at(-1);
  if (!newest) return null;
  const oldest = points.find((p) => p.at >= newest.at - windowMs) ?? newest;
  const seconds = (newest.at - oldest.at) / 1000;
  if (seconds < 1) return null;
  return (oldest.left - newest.left) / seconds;
}

/** The estimate: seconds until `left` is 0 at `perSecond`, never past the deadline, and what ends it first. */
export function estimateEnd(
  left: number,
  perSecond: number | null,
  now: number,
  deadlineAt: number,
): { secondsLeft: number | null; endsBy: 'drained' | 'deadline' } {
  const toDeadline = Math.max(0, (deadlineAt - now) / 1000);
  if (left === 0) return { secondsLeft: 0, endsBy: 'drained' };
  if (perSecond === null || perSecond <= 0) return { secondsLeft: null, endsBy: 'deadline' };
  const toDrained = left / perSecond;
  return toDrained <= toDeadline
    ? { secondsLeft: toDrained, endsBy: 'drained' }
    : { secondsLeft: toDeadline, endsBy: 'deadline' };
}

/** The finish rule: a drain ends when nothing is left, or else when its deadline has passed; null: it goes on. */
export function drainVerdict(left: number, now: number, deadlineAt: number): 'drained' | 'deadline' | null {
  if (left === 0) return 'drained';
  if (now >= deadlineAt) return 'deadline';
  return null;
}
