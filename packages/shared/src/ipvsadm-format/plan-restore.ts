// What it takes to turn the live table into the one a restore text describes (PUT /config): the
// commands in a traffic-safe order and the RestorePlan the UI shows. Restore replaces the whole table, as
// ipvsadm-restore does (it runs ipvsadm -C first), but touches only what differs: a service or real
// server whose key stays is edited in place, never deleted and re-created (that would refuse
// connections meanwhile and reset its counters).
import type { PlanDetail, PlanField, RestorePlan } from '../api.js';
import { destinationId, serviceId } from '../ids.js';
import { normalizeSchedulerFlags } from '../scheduler-flags.js';
import type { ServiceInput } from '../model.js';
import type { IpvsadmCommand } from './commands.js';
import { formatCommand } from './format-command.js';
import type { SavableDestination, SavableService } from './save-table.js';
import { sortDestinationsLikeIpvsadm, sortServicesLikeIpvsadm } from './sort.js';

export interface RestoreSteps {
  /**
   * In the order to apply: additions (services before their real servers), then edits, then removals, so
   * that whatever the new table keeps or adds serves traffic before anything is taken away.
   */
  commands: IpvsadmCommand[];
  plan: RestorePlan;
}

export function sameServiceSettings(a: SavableService, b: SavableService): boolean {
  return (
    a.scheduler === b.scheduler &&
    normalizeSchedulerFlags(a.scheduler, a.schedulerFlags).join() ===
      normalizeSchedulerFlags(b.scheduler, b.schedulerFlags).join() &&
    a.persistence === b.persistence &&
    (a.persistence === 0 || a.netmask === b.netmask) &&
    a.persistenceEngine === b.persistenceEngine &&
    a.onePacket === b.onePacket
  );
}

/** `local` is how old kernels reported a route to a local address; ipvsadm saves both as -g. */
const forwardingClass = (dest: SavableDestination) =>
  dest.forwarding === 'local' ? 'route' : dest.forwarding;

export function sameDestinationSettings(a: SavableDestination, b: SavableDestination): boolean {
  const tunnelMatters = a.forwarding === 'tunnel';
  return (
    forwardingClass(a) === forwardingClass(b) &&
    a.weight === b.weight &&
    a.upperThreshold === b.upperThreshold &&
    a.lowerThreshold === b.lowerThreshold &&
    (!tunnelMatters ||
      (a.tunnelType === b.tunnelType &&
        a.tunnelPort === b.tunnelPort &&
        a.tunnelChecksum === b.tunnelChecksum))
  );
}

/** Fields named one by one: an object rest/spread here was most of the plan's time for 1,000 services. */
function serviceInputOf(service: SavableService): ServiceInput {
  const { key, scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket } = service;
  const settings = { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket };
  return key.protocol === 'fwmark'
    ? { protocol: key.protocol, fwmark: key.fwmark, family: key.family, ...settings }
    : { protocol: key.protocol, address: key.address, port: key.port, ...settings };
}

const serviceFields = [
  'scheduler',
  'schedulerFlags',
  'persistence',
  'netmask',
  'persistenceEngine',
  'onePacket',
] as const;
/** A real server's settings a plan compares, in the order they are shown (the Activity page uses it too). */
export const destinationFields = [
  'forwarding',
  'weight',
  'upperThreshold',
  'lowerThreshold',
  'tunnelType',
  'tunnelPort',
  'tunnelChecksum',
] as const;

/** Field values of services and real servers: strings, numbers, booleans, flag lists, or null. */
type FieldValue = string | number | boolean | null | readonly string[];

function shown(value: FieldValue): string {
  if (value === null) return '-';
  if (typeof value === 'object') return value.length === 0 ? '-' : value.join(',');
  return String(value);
}

/** Old -> new of every field that differs (as text, for the plan the UI shows). */
function fieldsThatDiffer<T extends object>(
  names: readonly (keyof T & string)[],
  old: T | undefined,
  wanted: T | undefined,
): PlanField[] {
  const fields: PlanField[] = [];
  for (const name of names) {
    const from = old === undefined ? null : shown(old[name] as FieldValue);
    const to = wanted === undefined ? null : shown(wanted[name] as FieldValue);
    if (from !== to) fields.push({ field: name, from, to });
  }
  return fields;
}

interface Steps {
  removals: IpvsadmCommand[];
  edits: IpvsadmCommand[];
  additions: IpvsadmCommand[];
  details: PlanDetail[];
}

/** The real-server steps of a service present in both tables. */
function planDestinations(old: SavableService, wanted: SavableService, steps: Steps): void {
  const sid = serviceId(wanted.key);
  const wantedIds = new Set(wanted.destinations.map((dest) => destinationId(dest)));
  const oldById = new Map(old.destinations.map((dest) => [destinationId(dest), dest] as const));
  for (const dest of sortDestinationsLikeIpvsadm(old.destinations)) {
    const did = destinationId(dest);
    if (!wantedIds.has(did)) {
      steps.removals.push({ kind: 'delete-destination', service: wanted.key, destination: dest });
      const fields = fieldsThatDiffer(destinationFields, dest, undefined);
      steps.details.push({ action: 'remove', service: sid, destination: did, fields });
    }
  }
  for (const dest of sortDestinationsLikeIpvsadm(wanted.destinations)) {
    const did = destinationId(dest);
    const oldDest = oldById.get(did);
    if (!oldDest) {
      steps.additions.push({ kind: 'add-destination', service: wanted.key, destination: dest });
      const fields = fieldsThatDiffer(destinationFields, undefined, dest);
      steps.details.push({ action: 'add', service: sid, destination: did, fields });
    } else if (!sameDestinationSettings(oldDest, dest)) {
      steps.edits.push({ kind: 'edit-destination', service: wanted.key, destination: dest });
      const fields = fieldsThatDiffer(destinationFields, oldDest, dest);
      steps.details.push({ action: 'edit', service: sid, destination: did, fields });
    }
  }
}

export function planRestore(
  current: readonly SavableService[],
  desired: readonly SavableService[],
): RestoreSteps {
  const steps: Steps = { removals: [], edits: [], additions: [], details: [] };
  const { removals, edits, additions, details } = steps;
  // Looked up by canonical id, so a plan of 1,000 x 10 takes milliseconds rather than a scan per entry.
  const currentById = new Map(current.map((service) => [serviceId(service.key), service] as const));
  const desiredIds = new Map(desired.map((service) => [service, serviceId(service.key)] as const));
  const wantedIds = new Set(desiredIds.values());
  for (const old of sortServicesLikeIpvsadm(current)) {
    const sid = serviceId(old.key);
    if (!wantedIds.has(sid)) {
      removals.push({ kind: 'delete-service', service: old.key });
      details.push({
        action: 'remove',
        service: sid,
        fields: fieldsThatDiffer(serviceFields, old, undefined),
      });
    }
  }
  for (const wanted of sortServicesLikeIpvsadm(desired)) {
    const sid = desiredIds.get(wanted) ?? '';
    const old = currentById.get(sid);
    if (!old) {
      // A new service: all its real servers are new too (the common case of a restore into an empty table).
      additions.push({ kind: 'add-service', service: serviceInputOf(wanted) });
      details.push({
        action: 'add',
        service: sid,
        fields: fieldsThatDiffer(serviceFields, undefined, wanted),
      });
      for (const dest of sortDestinationsLikeIpvsadm(wanted.destinations)) {
        additions.push({ kind: 'add-destination', service: wanted.key, destination: dest });
      }
      continue;
    }
    if (!sameServiceSettings(old, wanted)) {
      edits.push({ kind: 'edit-service', service: serviceInputOf(wanted) });
      details.push({ action: 'edit', service: sid, fields: fieldsThatDiffer(serviceFields, old, wanted) });
    }
    planDestinations(old, wanted, steps);
  }
  const lines = (commands: IpvsadmCommand[]) => commands.map((command) => formatCommand(command));
  return {
    commands: [...additions, ...edits, ...removals],
    plan: { added: lines(additions), changed: lines(edits), removed: lines(removals), details },
  };
}

/** A short label for a command's target, e.g. for logs: `tcp:10.0.0.1:80` or `tcp:10.0.0.1:80 10.0.1.2:80`. */
export function commandTarget(command: IpvsadmCommand): string {
  if (!('service' in command) || !command.service) return command.kind;
  const service = serviceId(command.service);
  return 'destination' in command ? `${service} ${destinationId(command.destination)}` : service;
}
