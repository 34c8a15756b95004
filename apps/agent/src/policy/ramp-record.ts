// The one change record of a slow-start ramp, written when it ends (finished, stopped by a hold, cancelled
// by an edit, or dropped): its commands are the `ipvsadm -e ... -w` steps that ran, and its undo puts back
// the weight the real server had before the ramp, touching nothing else of the service.
import {
  formatCommand,
  parseDestinationId,
  planRestore,
  sameDestinationKey,
  type ChangeRecord,
  type SavableService,
} from '@ipvs-dashboard/shared';
import type { PersistedRamp } from '../state/index.js';

const commandLine = (command: Parameters<typeof formatCommand>[0]) =>
  `ipvsadm ${formatCommand(command, { thresholds: true })}`;

/** The service's rows now, and the same rows with the ramped real server at its weight before the ramp. */
function rowsAround(ramp: PersistedRamp, now: readonly SavableService[]) {
  const dest = parseDestinationId(ramp.destination);
  const after = now.map((service) => ({ ...service, destinations: [...service.destinations] }));
  const before = after.map((service) => ({
    ...service,
    destinations: service.destinations.map((d) =>
      sameDestinationKey(d, dest) ? { ...d, weight: ramp.from } : d,
    ),
  }));
  return { before, after };
}

export function rampRecord(
  ramp: PersistedRamp,
  now: readonly SavableService[],
  ending: { id: string; at: number; why: string | null },
): ChangeRecord {
  const { before, after } = rowsAround(ramp, now);
  const steps = ramp.commands.length;
  const how =
    ending.why === null
      ? `slow start to weight ${ramp.target} in ${steps} step${steps === 1 ? '' : 's'} over ${ramp.seconds} s`
      : `slow start stopped at weight ${ramp.weight} of ${ramp.target} after ${steps} step${steps === 1 ? '' : 's'}: ${ending.why}`;
  const inverse = planRestore(after, before).commands.map(commandLine);
  return {
    id: ending.id,
    at: ending.at,
    actor: ramp.actor,
    source: 'api',
    action: ramp.action,
    summary: `${ramp.lead}; ${how}`,
    status: 'applied',
    services: [ramp.service],
    commands: [...ramp.commands],
    inverse,
    before,
    after,
  };
}
