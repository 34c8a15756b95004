// Health check settings follow the table as holds do (hold-memory.ts): a removed service takes its checks
// with it, a removed real server its own check, a cleared table all of them; whoever removed them.
import type { MonitorEvent } from '../live/index.js';
import type { CheckStore } from '../state/index.js';

export function followCheckSettings(store: CheckStore, onError: (error: unknown) => void) {
  return (event: MonitorEvent): void => {
    if (event.type !== 'change') return;
    for (const change of event.changes) {
      let forgetting: Promise<void> | null = null;
      if (change.kind === 'cleared') forgetting = store.forgetService();
      else if (change.kind === 'service-removed' && change.service)
        forgetting = store.forgetService(change.service);
      else if (change.kind === 'destination-removed' && change.service && change.destination) {
        forgetting = store.forgetDestination(change.service, change.destination);
      }
      forgetting?.catch(onError);
    }
  };
}
