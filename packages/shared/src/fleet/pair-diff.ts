// The pair view's diff: what two directors' tables disagree on. Two directors of a pair are meant to carry
// the same services with the same real servers and settings (keepalived fails over between them); any
// difference is what an operator must see before the backup takes over. Counters and connections are left
// out: they differ by nature.
import type { Destination, ServiceWithDestinations } from '../model.js';
import { holdKinds } from '../holds.js';
import { destinationIdOf, serviceIdOf } from '../row-ids.js';

export interface PairField {
  field: string;
  left: string;
  right: string;
}

export interface PairDifference {
  /** only-left / only-right: the row exists on one side; differs: on both, with `fields` that differ. */
  kind: 'only-left' | 'only-right' | 'differs';
  service: string;
  /** Set when the row is a real server. */
  destination?: string;
  fields: PairField[];
}

type Row = Record<string, string>;

function serviceRow(service: ServiceWithDestinations): Row {
  return {
    scheduler: service.scheduler,
    schedulerFlags: [...service.schedulerFlags].sort().join(',') || '-',
    persistence: String(service.persistence),
    netmask: service.persistence > 0 ? service.netmask : '-',
    persistenceEngine: service.persistenceEngine ?? '-',
    onePacket: String(service.onePacket),
  };
}

/** The settings ipvsadm sets, plus holds: a server quiesced on one side only is a difference an operator acts on. */
function destinationRow(destination: Destination): Row {
  const tunnel = destination.forwarding === 'tunnel';
  const holds = holdKinds.filter((kind) => destination.holds?.some((hold) => hold.kind === kind));
  return {
    forwarding: destination.forwarding,
    weight: String(destination.weight),
    upperThreshold: String(destination.upperThreshold),
    lowerThreshold: String(destination.lowerThreshold),
    tunnelType: tunnel ? destination.tunnelType : '-',
    tunnelPort: tunnel ? String(destination.tunnelPort) : '-',
    tunnelChecksum: tunnel ? destination.tunnelChecksum : '-',
    holds: holds.join(',') || '-',
  };
}

function fieldsThatDiffer(left: Row, right: Row): PairField[] {
  return Object.keys(left)
    .filter((field) => left[field] !== right[field])
    .map((field) => ({ field, left: left[field]!, right: right[field]! }));
}

function byId<T>(rows: readonly T[], id: (row: T) => string): Map<string, T> {
  return new Map(rows.map((row) => [id(row), row]));
}

/** Every difference between two tables, services in the left table's order, then those only on the right. */
export function pairDiff(
  left: readonly ServiceWithDestinations[],
  right: readonly ServiceWithDestinations[],
): PairDifference[] {
  const differences: PairDifference[] = [];
  const rightServices = byId(right, serviceIdOf);
  for (const service of left) {
    const id = serviceIdOf(service);
    const other = rightServices.get(id);
    if (!other) {
      differences.push({ kind: 'only-left', service: id, fields: [] });
      continue;
    }
    const fields = fieldsThatDiffer(serviceRow(service), serviceRow(other));
    if (fields.length > 0) differences.push({ kind: 'differs', service: id, fields });
    const otherDestinations = byId(other.destinations, destinationIdOf);
    for (const destination of service.destinations) {
      const destinationKey = destinationIdOf(destination);
      const match = otherDestinations.get(destinationKey);
      if (!match) {
        differences.push({ kind: 'only-left', service: id, destination: destinationKey, fields: [] });
        continue;
      }
      const destinationFields = fieldsThatDiffer(destinationRow(destination), destinationRow(match));
      if (destinationFields.length > 0) {
        differences.push({
          kind: 'differs',
          service: id,
          destination: destinationKey,
          fields: destinationFields,
        });
      }
    }
    const leftDestinations = byId(service.destinations, destinationIdOf);
    for (const destination of other.destinations) {
      const destinationKey = destinationIdOf(destination);
      if (!leftDestinations.has(destinationKey)) {
        differences.push({ kind: 'only-right', service: id, destination: destinationKey, fields: [] });
      }
    }
  }
  const leftServices = byId(left, serviceIdOf);
  for (const service of right) {
    const id = serviceIdOf(service);
    if (!leftServices.has(id)) differences.push({ kind: 'only-right', service: id, fields: [] });
  }
  return differences;
}
