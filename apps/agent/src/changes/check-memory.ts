// Health check settings follow the table as holds do (hold-memory.ts): a removed service takes its checks
// with it, a removed real server its own check, a cleared table all of them; whoever removed them.
import type { MonitorEvent } from '../live/index.js';
import type { CheckStore } from '../state/index.js';
import { removalOf } from './row-removals.js';

export function followCheckSettings(store: CheckStore, onError: (error: unknown) => void) {
  return (event: MonitorEvent): void => {
    if (event.type !== 'change') return;
    for (const change of event.changes) {
      const removal = removalOf(change);
      if (removal === null) continue;
      const forgetting =
        removal.scope === 'destination'
          ? store.forgetDestination(removal.service, removal.destination)
          : store.forgetService(removal.scope === 'service' ? removal.service : undefined);
      forgetting.catch(onError);
    }
  };
}
