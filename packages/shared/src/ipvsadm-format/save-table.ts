// The table a save text describes: services with settings and real servers, without counters.
// ServiceWithDestinations (the read model) fits this shape, so live tables format directly.
import { AppError } from '../errors.js';
import { sameDestinationKey, sameServiceKey, serviceId, destinationId } from '../ids.js';
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

function applyCommand(table: SavableService[], command: IpvsadmCommand, line: number): SavableService[] {
  const findService = (key: ServiceKey) => table.findIndex((service) => sameServiceKey(service.key, key));
  if (command.kind === 'clear') return [];
  if (
    command.kind === 'add-service' ||
    command.kind === 'edit-service' ||
    command.kind === 'delete-service'
  ) {
    const index = findService(command.service);
    const id = serviceId(command.service);
    if (command.kind === 'add-service') {
      if (index >= 0) throw fail(line, 'SERVICE_EXISTS', id);
      return [...table, { key: keyOf(command.service), ...settingsOf(command.service), destinations: [] }];
    }
    const current = table[index];
    if (!current) throw fail(line, 'SERVICE_NOT_FOUND', id);
    if (command.kind === 'delete-service') return table.filter((_, i) => i !== index);
    return table.map((service, i) =>
      i === index ? { ...current, ...settingsOf(command.service) } : service,
    );
  }
  if (
    command.kind === 'add-destination' ||
    command.kind === 'edit-destination' ||
    command.kind === 'delete-destination'
  ) {
    const index = findService(command.service);
    const current = table[index];
    if (!current) throw fail(line, 'SERVICE_NOT_FOUND', serviceId(command.service));
    const destIndex = current.destinations.findIndex((dest) => sameDestinationKey(dest, command.destination));
    const what = `${destinationId(command.destination)} in ${serviceId(command.service)}`;
    let destinations: SavableDestination[];
    if (command.kind === 'add-destination') {
      if (destIndex >= 0) throw fail(line, 'DESTINATION_EXISTS', what);
      destinations = [...current.destinations, destinationOf(command.destination)];
    } else if (destIndex < 0) {
      throw fail(line, 'DESTINATION_NOT_FOUND', what);
    } else if (command.kind === 'delete-destination') {
      destinations = current.destinations.filter((_, i) => i !== destIndex);
    } else {
      const edited = destinationOf(command.destination);
      destinations = current.destinations.map((dest, i) => (i === destIndex ? edited : dest));
    }
    return table.map((service, i) => (i === index ? { ...current, destinations } : service));
  }
  // zero, --set and daemons do not change the table.
  return table;
}

/**
 * Applies restore commands to a copy of `table` in order, refusing what the kernel would refuse
 * (SERVICE_EXISTS, SERVICE_NOT_FOUND, DESTINATION_EXISTS, DESTINATION_NOT_FOUND, naming the line).
 * Start from [] to get the table a restore text describes (ipvsadm-restore clears first).
 */
export function applyRestoreLines(
  table: readonly SavableService[],
  lines: readonly RestoreLine[],
): SavableService[] {
  return lines.reduce((current, { line, command }) => applyCommand(current, command, line), [...table]);
}
