// What it takes to turn the live table into the one a restore text describes (PUT /config): the
// commands in a safe order and the RestorePlan the UI shows. Restore replaces the whole table, as
// ipvsadm-restore does (it runs ipvsadm -C first), but touches only what differs.
import type { RestorePlan } from '../api.js';
import { destinationId, serviceId } from '../ids.js';
import { normalizeSchedulerFlags } from '../scheduler-flags.js';
import type { ServiceInput } from '../model.js';
import type { IpvsadmCommand } from './commands.js';
import { formatCommand } from './format-command.js';
import type { SavableDestination, SavableService } from './save-table.js';
import { sortDestinationsLikeIpvsadm, sortServicesLikeIpvsadm } from './sort.js';

export interface RestoreSteps {
  /** In the order to apply: deletions, then edits, then additions (services before their real servers). */
  commands: IpvsadmCommand[];
  plan: RestorePlan;
}

function sameServiceSettings(a: SavableService, b: SavableService): boolean {
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

function sameDestinationSettings(a: SavableDestination, b: SavableDestination): boolean {
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

/** The real-server steps of a service present in both tables. */
function planDestinations(
  old: SavableService,
  wanted: SavableService,
  steps: { removals: IpvsadmCommand[]; edits: IpvsadmCommand[]; additions: IpvsadmCommand[] },
): void {
  const wantedIds = new Set(wanted.destinations.map((dest) => destinationId(dest)));
  const oldById = new Map(old.destinations.map((dest) => [destinationId(dest), dest] as const));
  for (const dest of sortDestinationsLikeIpvsadm(old.destinations)) {
    if (!wantedIds.has(destinationId(dest))) {
      steps.removals.push({ kind: 'delete-destination', service: wanted.key, destination: dest });
    }
  }
  for (const dest of sortDestinationsLikeIpvsadm(wanted.destinations)) {
    const oldDest = oldById.get(destinationId(dest));
    if (!oldDest) {
      steps.additions.push({ kind: 'add-destination', service: wanted.key, destination: dest });
    } else if (!sameDestinationSettings(oldDest, dest)) {
      steps.edits.push({ kind: 'edit-destination', service: wanted.key, destination: dest });
    }
  }
}

export function planRestore(
  current: readonly SavableService[],
  desired: readonly SavableService[],
): RestoreSteps {
  const removals: IpvsadmCommand[] = [];
  const edits: IpvsadmCommand[] = [];
  const additions: IpvsadmCommand[] = [];
  // Looked up by canonical id, so a plan of 1,000 x 10 takes milliseconds rather than a scan per entry.
  const currentById = new Map(current.map((service) => [serviceId(service.key), service] as const));
  const desiredIds = new Map(desired.map((service) => [service, serviceId(service.key)] as const));
  const wantedIds = new Set(desiredIds.values());
  for (const old of sortServicesLikeIpvsadm(current)) {
    if (!wantedIds.has(serviceId(old.key))) removals.push({ kind: 'delete-service', service: old.key });
  }
  for (const wanted of sortServicesLikeIpvsadm(desired)) {
    const old = currentById.get(desiredIds.get(wanted) ?? '');
    if (!old) {
      // A new service: all its real servers are new too (the common case of a restore into an empty table).
      additions.push({ kind: 'add-service', service: serviceInputOf(wanted) });
      for (const dest of sortDestinationsLikeIpvsadm(wanted.destinations)) {
        additions.push({ kind: 'add-destination', service: wanted.key, destination: dest });
      }
      continue;
    }
    if (!sameServiceSettings(old, wanted)) {
      edits.push({ kind: 'edit-service', service: serviceInputOf(wanted) });
    }
    planDestinations(old, wanted, { removals, edits, additions });
  }
  const lines = (commands: IpvsadmCommand[]) => commands.map((command) => formatCommand(command));
  return {
    commands: [...removals, ...edits, ...additions],
    plan: { added: lines(additions), changed: lines(edits), removed: lines(removals) },
  };
}

/** A short label for a command's target, e.g. for logs: `tcp:10.0.0.1:80` or `tcp:10.0.0.1:80 10.0.1.2:80`. */
export function commandTarget(command: IpvsadmCommand): string {
  if (!('service' in command) || !command.service) return command.kind;
  const service = serviceId(command.service);
  return 'destination' in command ? `${service} ${destinationId(command.destination)}` : service;
}
