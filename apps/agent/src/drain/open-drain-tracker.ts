import type { TableMonitor } from '../live/index.js';
import { DrainStore } from '../state/index.js';
import { DrainTracker, type DrainDeps } from './drain-tracker.js';

/**
 * The drain tracker with its saved drains, following every reading of the table. It follows each reading
 * before the live hub builds its sample from it (subscribe before the hub), so the sample carries the new
 * progress.
 */
export async function openDrainTracker(
  deps: Omit<DrainDeps, 'drains'>,
  stateDir: string,
  monitor: TableMonitor,
): Promise<DrainTracker> {
  const drains = new DrainTracker({ ...deps, drains: await DrainStore.open(stateDir) });
  monitor.subscribe((event) => {
    if (event.type === 'snapshot') drains.follow(event.reading.table, event.reading.at);
    if (event.type === 'sample' && monitor.current) drains.follow(monitor.current.table, monitor.current.at);
  });
  return drains;
}
