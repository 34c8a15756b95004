// What a change seen in the table removed, for the state that follows rows (holds, check settings): the
// whole table (cleared), one service with everything in it, or one real server.
import type { Change } from '@ipvs-dashboard/shared';

export type Removal =
  | { scope: 'table' }
  | { scope: 'service'; service: string }
  | { scope: 'destination'; service: string; destination: string };

export function removalOf(change: Change): Removal | null {
  if (change.kind === 'cleared') return { scope: 'table' };
  if (change.kind === 'service-removed' && change.service)
    return { scope: 'service', service: change.service };
  if (change.kind === 'destination-removed' && change.service && change.destination)
    return { scope: 'destination', service: change.service, destination: change.destination };
  return null;
}
