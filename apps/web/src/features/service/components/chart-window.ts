import { longRanges, type LongRange } from '@ipvs-dashboard/shared';

// The windows a service's charts offer: the agent's own minutes, always; the long ranges only when the
// agent has Prometheus behind it (GET /info `prometheus`), so no button ever opens an empty chart.

export type LiveWindow = '1m' | '5m' | '15m';
export type ChartWindowKey = LiveWindow | LongRange | 'custom';

export const liveWindows: Record<LiveWindow, number> = { '1m': 60_000, '5m': 300_000, '15m': 900_000 };

/** What the charts draw: the live series over a window, or a range the agent answers from Prometheus. */
export type ChartWindow =
  | { kind: 'live'; key: LiveWindow; windowMs: number }
  | { kind: 'long'; key: LongRange; windowMs: number }
  | { kind: 'custom'; from: number; to: number; windowMs: number };

export function windowKeys(withPrometheus: boolean): ChartWindowKey[] {
  const live = Object.keys(liveWindows) as LiveWindow[];
  return withPrometheus ? [...live, ...(Object.keys(longRanges) as LongRange[]), 'custom'] : live;
}

export function chartWindow(key: Exclude<ChartWindowKey, 'custom'>): ChartWindow {
  return key in liveWindows
    ? { kind: 'live', key: key as LiveWindow, windowMs: liveWindows[key as LiveWindow] }
    : { kind: 'long', key: key as LongRange, windowMs: longRanges[key as LongRange] };
}

export function windowKeyOf(window: ChartWindow): ChartWindowKey {
  return window.kind === 'custom' ? 'custom' : window.key;
}

/** Axis labels: clock times up to a day, dates beyond (a week of "14:00" says nothing). */
export function axisShowsDates(windowMs: number): boolean {
  return windowMs > 86_400_000;
}
