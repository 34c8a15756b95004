// A held real server's holds and remembered weight follow the table, whoever changed it: forgotten when
// the real server or its service goes (API, restore, ipvsadm), and when it gets a non-zero weight by any
// path (PATCH, undo, ipvsadm -e), since it is then no longer out of rotation: the table wins over holds.
import { parseDestinationId, sameDestinationKey, serviceId } from '@ipvs-dashboard/shared';
import type { MonitorEvent } from '../live/index.js';
import { HoldStore } from '../state/index.js';
import { removalOf } from './row-removals.js';

export function followHoldMemory(store: HoldStore, onError: (error: unknown) => void) {
  return (event: MonitorEvent): void => {
    if (event.type !== 'change') return;
    for (const change of event.changes) {
      const removal = removalOf(change);
      let forgetting: Promise<void> | null = null;
      if (removal && removal.scope !== 'destination')
        forgetting = store.forgetService(removal.scope === 'service' ? removal.service : undefined);
      else if (change.service && change.destination) {
        const key = HoldStore.key(change.service, change.destination);
        if (store.get(key) === undefined) continue;
        if (removal) forgetting = store.forget(key);
        else if (change.kind === 'destination-changed') {
          const dest = parseDestinationId(change.destination);
          const weight = event.table
            .find((s) => serviceId(s.key) === change.service)
            ?.destinations.find((d) => sameDestinationKey(d, dest))?.weight;
          if (weight !== undefined && weight > 0) forgetting = store.forget(key);
        }
      }
      forgetting?.catch(onError);
    }
  };
}
