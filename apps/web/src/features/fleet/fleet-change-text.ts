// What the "Change several directors" form sends (docs/api.md "Fleet changes"): a quiesce or unquiesce as
// a hold change (each director's own quiesce path: an operator hold that remembers that director's weight),
// anything else as ipvsadm restore lines written with the shared formatter from the row as the reference
// director has it. An edit line carries every setting of its row (ipvsadm -e/-E rebuild the row from the
// line), so a weight change keeps the forwarding method and thresholds, and a scheduler change keeps
// persistence and flags.
import {
  destinationId,
  destinationInputSchema,
  formatCommand,
  serviceId,
  type DestinationInput,
  type FleetChangeBody,
  type ForwardingMethod,
  type ServiceInput,
  type IpvsadmCommand,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';

export type FleetChangeKind =
  'weight' | 'quiesce' | 'unquiesce' | 'add-server' | 'remove-server' | 'scheduler';
export const fleetChangeKinds: readonly FleetChangeKind[] = [
  'weight',
  'quiesce',
  'unquiesce',
  'add-server',
  'remove-server',
  'scheduler',
];

export interface FleetChangeChoice {
  kind: FleetChangeKind;
  /** serviceId() of the service. */
  service: string;
  /** destinationId() of the real server (weight, quiesce, unquiesce, remove). */
  server: string;
  weight: number;
  /** add-server */
  address: string;
  port: number;
  forwarding: ForwardingMethod;
  /** scheduler */
  scheduler: string;
}

/** Why no text can be made: which part of the form to fix (the key of its message). */
export type ChoiceProblem = 'pickService' | 'pickServer' | 'badServer';

const format = (command: IpvsadmCommand) => `${formatCommand(command, { thresholds: true })}\n`;

/** The restore text of a choice other than (un)quiesce, from `table` (the reference director's), or what is missing. */
export function fleetChangeText(
  table: readonly ServiceWithDestinations[],
  choice: FleetChangeChoice,
): { text: string } | { problem: ChoiceProblem } {
  const service = table.find((row) => serviceId(row.key) === choice.service);
  if (!service) return { problem: 'pickService' };
  if (choice.kind === 'scheduler') {
    const { schedulerFlags, persistence, netmask, persistenceEngine, onePacket } = service;
    const edited: ServiceInput = {
      ...service.key,
      scheduler: choice.scheduler,
      schedulerFlags,
      persistence,
      netmask,
      persistenceEngine,
      onePacket,
    };
    return { text: format({ kind: 'edit-service', service: edited }) };
  }
  if (choice.kind === 'add-server') {
    const parsed = destinationInputSchema.safeParse({
      address: choice.address,
      port: choice.port,
      forwarding: choice.forwarding,
      weight: choice.weight,
    });
    if (!parsed.success) return { problem: 'badServer' };
    return { text: format({ kind: 'add-destination', service: service.key, destination: parsed.data }) };
  }
  const server = service.destinations.find((dest) => destinationId(dest) === choice.server);
  if (!server) return { problem: 'pickServer' };
  if (choice.kind === 'remove-server') {
    return { text: format({ kind: 'delete-destination', service: service.key, destination: server }) };
  }
  const destination: DestinationInput = { ...server, weight: choice.weight };
  return { text: format({ kind: 'edit-destination', service: service.key, destination }) };
}

/** The fleet change body of a choice, or what is missing. */
export function fleetChangeBody(
  table: readonly ServiceWithDestinations[],
  choice: FleetChangeChoice,
): { change: FleetChangeBody } | { problem: ChoiceProblem } {
  if (choice.kind !== 'quiesce' && choice.kind !== 'unquiesce') {
    const made = fleetChangeText(table, choice);
    return 'text' in made ? { change: { text: made.text } } : made;
  }
  const service = table.find((row) => serviceId(row.key) === choice.service);
  if (!service) return { problem: 'pickService' };
  if (!service.destinations.some((dest) => destinationId(dest) === choice.server))
    return { problem: 'pickServer' };
  // Each director gives back its own remembered weight: no weight is sent.
  return { change: { kind: choice.kind, service: choice.service, server: choice.server } };
}
