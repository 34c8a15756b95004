import {
  destinationId,
  serviceId,
  type Destination,
  type ServiceWithDestinations,
  type Stats,
  type Change,
} from '@ipvs-dashboard/shared';

/** The settings a user sets, in a stable order; counters and connection numbers move on their own. */
function serviceSettingsSignature(s: ServiceWithDestinations): string {
  return JSON.stringify([
    s.scheduler,
    [...s.schedulerFlags].sort(),
    s.persistence,
    s.netmask,
    s.persistenceEngine,
    s.onePacket,
  ]);
}

function destinationSettingsSignature(d: Destination): string {
  return JSON.stringify([
    d.forwarding,
    d.weight,
    d.upperThreshold,
    d.lowerThreshold,
    d.tunnelType,
    d.tunnelPort,
    d.tunnelChecksum,
  ]);
}

/** Counters only fall when zeroed (ipvsadm -Z); a rise in any one is ordinary traffic. */
function countersFell(before: Stats, after: Stats): boolean {
  return (
    after.conns < before.conns ||
    after.inPackets < before.inPackets ||
    after.outPackets < before.outPackets ||
    after.inBytes < before.inBytes ||
    after.outBytes < before.outBytes
  );
}

function diffDestinations(
  sid: string,
  before: ServiceWithDestinations,
  after: ServiceWithDestinations,
): Change[] {
  const changes: Change[] = [];
  const old = new Map(before.destinations.map((d) => [destinationId(d), d]));
  for (const dest of after.destinations) {
    const did = destinationId(dest);
    const previous = old.get(did);
    old.delete(did);
    if (!previous) changes.push({ kind: 'destination-added', service: sid, destination: did });
    else if (destinationSettingsSignature(previous) !== destinationSettingsSignature(dest)) {
      changes.push({ kind: 'destination-changed', service: sid, destination: did });
    }
  }
  for (const did of old.keys()) changes.push({ kind: 'destination-removed', service: sid, destination: did });
  return changes;
}

/**
 * What changed between two readings of the table. A table of several services emptied at once is one
 * `cleared` (ipvsadm -C; one removed service is just that), and
 * counters that fell on a surviving service are one `zeroed` per service (or one without id if all fell).
 */
export function diffTables(
  before: readonly ServiceWithDestinations[],
  after: readonly ServiceWithDestinations[],
): Change[] {
  if (before.length > 1 && after.length === 0) return [{ kind: 'cleared' }];
  const changes: Change[] = [];
  const zeroed: string[] = [];
  const old = new Map(before.map((s) => [serviceId(s.key), s]));
  for (const service of after) {
    const sid = serviceId(service.key);
    const previous = old.get(sid);
    old.delete(sid);
    if (!previous) {
      changes.push({ kind: 'service-added', service: sid });
      continue;
    }
    if (serviceSettingsSignature(previous) !== serviceSettingsSignature(service)) {
      changes.push({ kind: 'service-changed', service: sid });
    }
    changes.push(...diffDestinations(sid, previous, service));
    if (countersFell(previous.stats, service.stats)) zeroed.push(sid);
  }
  for (const sid of old.keys()) changes.push({ kind: 'service-removed', service: sid });
  if (zeroed.length > 0 && zeroed.length === after.length && after.length > 1)
    changes.push({ kind: 'zeroed' });
  else for (const sid of zeroed) changes.push({ kind: 'zeroed', service: sid });
  return changes;
}
