// The table a save text describes: services with settings and real servers, without counters.
// ServiceWithDestinations (the read model) fits this shape, so live tables format directly.
import { AppError } from '../errors.js';
import { serviceId, destinationId } from '../ids.js';
import type { DestinationKey, DestinationSettings, ServiceKey, ServiceSettings } from '../model.js';
import type { IpvsadmCommand, RestoreLine } from './commands.js';

export type SavableDestination = DestinationKey & DestinationSettings;

export interface SavableService extends ServiceSettings {
  key: ServiceKey;
  destinations: SavableDestination[];
}

function keyOf<T extends ServiceKey>(input: T): ServiceKey {
  return input.protocol === 'fwmark'
    ? { protocol: 'fwmark', fwmark: input.fwmark, family: input.family }
    : { protocol: input.protocol, address: input.address, port: input.port };
}

function settingsOf(input: ServiceSettings): ServiceSettings {
  const { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket } = input;
  return { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket };
}

function destinationOf(input: SavableDestination): SavableDestination {
  const { address, port, forwarding, weight, upperThreshold, lowerThreshold } = input;
  return { address, port, forwarding, weight, upperThreshold, lowerThreshold, ...tunnelOf(input) };
}

function tunnelOf(input: DestinationSettings) {
  return { tunnelType: input.tunnelType, tunnelPort: input.tunnelPort, tunnelChecksum: input.tunnelChecksum };
}

function fail(
  line: number,
  code: 'SERVICE_EXISTS' | 'SERVICE_NOT_FOUND' | 'DESTINATION_EXISTS' | 'DESTINATION_NOT_FOUND',
  what: string,
) {
  const sentence = {
    SERVICE_EXISTS: 'service already exists',
    SERVICE_NOT_FOUND: 'no such service',
    DESTINATION_EXISTS: 'real server already exists',
    DESTINATION_NOT_FOUND: 'no such real server',
  }[code];
  return new AppError(code, `line ${line}: ${sentence}: ${what}`, { field: 'config' });
}

/** The table being built: services by canonical id (serviceId), each with real servers by destinationId. */
interface WorkingService {
  service: Omit<SavableService, 'destinations'>;
  destinations: Map<string, SavableDestination>;
}

type Working = Map<string, WorkingService>;

function applyServiceCommand(table: Working, command: ServiceCommand, line: number): void {
  const id = serviceId(command.service);
  const current = table.get(id);
  if (command.kind === 'add-service') {
    if (current) throw fail(line, 'SERVICE_EXISTS', id);
    const service = { key: keyOf(command.service), ...settingsOf(command.service) };
    table.set(id, { service, destinations: new Map() });
    return;
  }
  if (!current) throw fail(line, 'SERVICE_NOT_FOUND', id);
  // Map.delete then a later set appends, as the array version did; set on an existing id keeps its place.
  if (command.kind === 'delete-service') table.delete(id);
  else current.service = { ...current.service, ...settingsOf(command.service) };
}

function applyDestinationCommand(table: Working, command: DestinationCommand, line: number): void {
  const id = serviceId(command.service);
  const current = table.get(id);
  if (!current) throw fail(line, 'SERVICE_NOT_FOUND', id);
  const destId = destinationId(command.destination);
  const exists = current.destinations.has(destId);
  const what = `${destId} in ${id}`;
  if (command.kind === 'add-destination') {
    if (exists) throw fail(line, 'DESTINATION_EXISTS', what);
    current.destinations.set(destId, destinationOf(command.destination));
  } else if (!exists) {
    throw fail(line, 'DESTINATION_NOT_FOUND', what);
  } else if (command.kind === 'delete-destination') {
    current.destinations.delete(destId);
  } else {
    current.destinations.set(destId, destinationOf(command.destination));
  }
}

type ServiceCommand = Extract<IpvsadmCommand, { kind: 'add-service' | 'edit-service' | 'delete-service' }>;
type DestinationCommand = Extract<
  IpvsadmCommand,
  { kind: 'add-destination' | 'edit-destination' | 'delete-destination' }
>;

function applyCommand(table: Working, command: IpvsadmCommand, line: number): void {
  switch (command.kind) {
    case 'clear':
      return table.clear();
    case 'add-service':
    case 'edit-service':
    case 'delete-service':
      return applyServiceCommand(table, command, line);
    case 'add-destination':
    case 'edit-destination':
    case 'delete-destination':
      return applyDestinationCommand(table, command, line);
    default:
      // zero, --set and daemons do not change the table.
      return;
  }
}

/**
 * Applies restore commands to a copy of `table` in order, refusing what the kernel would refuse
 * (SERVICE_EXISTS, SERVICE_NOT_FOUND, DESTINATION_EXISTS, DESTINATION_NOT_FOUND, naming the line).
 * Start from [] to get the table a restore text describes (ipvsadm-restore clears first).
 * Linear in lines: services and real servers are looked up by canonical id (11,000 lines used to take
 * ~10 s comparing every key against every service, re-parsing both addresses each time).
 */
export function applyRestoreLines(
  table: readonly SavableService[],
  lines: readonly RestoreLine[],
): SavableService[] {
  const working: Working = new Map();
  for (const { destinations, ...service } of table) {
    const byId = new Map(destinations.map((dest) => [destinationId(dest), dest] as const));
    working.set(serviceId(service.key), { service, destinations: byId });
  }
  for (const { line, command } of lines) applyCommand(working, command, line);
  return [...working.values()].map(({ service, destinations }) => ({
    key: service.key,
    ...settingsOf(service),
    destinations: [...destinations.values()],
  }));
}
