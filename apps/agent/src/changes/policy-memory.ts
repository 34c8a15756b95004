// Service policies follow the table as check settings do (check-memory.ts): a removed service takes its
// policy with it, a cleared table all of them, whoever removed them.
import type { MonitorEvent } from '../live/index.js';
import type { PolicyStore } from '../state/index.js';
import { removalOf } from './row-removals.js';

export function followPolicies(store: PolicyStore, onError: (error: unknown) => void) {
  return (event: MonitorEvent): void => {
    if (event.type !== 'change') return;
    for (const change of event.changes) {
      const removal = removalOf(change);
      if (removal === null || removal.scope === 'destination') continue;
      store.forgetService(removal.scope === 'service' ? removal.service : undefined).catch(onError);
    }
  };
}
