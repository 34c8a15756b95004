// Turns the real-server options of one restore line into a DestinationInput, with ipvsadm's defaults
// (-g, weight 1) and its quirk that -g/-i real servers of non-fwmark services take the service port.
import type {
  DestinationInput,
  DestinationKey,
  ForwardingMethod,
  ServiceKey,
  TunnelChecksum,
} from '../model.js';
import {
  destinationForServiceProblem,
  requiredDestinationPort,
  restoredDestinationInputSchema,
} from '../schemas/destination.js';
import { parseRestoreHostPort } from './host-port.js';
import { problemOf } from './build-service.js';
import { numberOf, textOf, type ReadOptions } from './read-options.js';
import { LineProblem } from './restore-error.js';

/** -r: without a port the real server takes the service port (0 for fwmark services). */
export function readDestinationKey(
  options: ReadOptions,
  service: ServiceKey,
  command: string,
): DestinationKey {
  const text = textOf(options, 'real-server');
  if (text === undefined) throw new LineProblem(`${command} needs a real server: -r address:port`);
  const protocol = service.protocol === 'fwmark' ? 'tcp' : service.protocol;
  const hostPort = parseRestoreHostPort(text, protocol);
  if (typeof hostPort === 'string')
    throw new LineProblem(`${options.spelling.get('real-server')}: ${hostPort}`);
  const servicePort = service.protocol === 'fwmark' ? 0 : service.port;
  return { address: hostPort.address, port: hostPort.port ?? servicePort };
}

function pickOne<T>(
  options: ReadOptions,
  choices: Array<[Parameters<ReadOptions['values']['has']>[0], T]>,
): T | undefined {
  const given = choices.filter(([name]) => options.values.has(name));
  if (given.length > 1) {
    throw new LineProblem(`give only one of ${given.map(([name]) => options.spelling.get(name)).join(', ')}`);
  }
  return given[0]?.[1];
}

export function buildDestinationInput(
  options: ReadOptions,
  service: ServiceKey,
  command: string,
): DestinationInput {
  const key = readDestinationKey(options, service, command);
  const forwarding =
    pickOne<ForwardingMethod>(options, [
      ['gatewaying', 'route'],
      ['ipip', 'tunnel'],
      ['masquerading', 'masq'],
    ]) ?? 'route';
  const tunnelChecksum = pickOne<TunnelChecksum>(options, [
    ['tun-nocsum', 'nocsum'],
    ['tun-csum', 'csum'],
    ['tun-remcsum', 'remcsum'],
  ]);
  // As ipvsadm -R: a route or tunnel real server of a non-fwmark service takes the service port.
  const port = requiredDestinationPort(service, forwarding) ?? key.port;
  const result = restoredDestinationInputSchema.safeParse({
    address: key.address,
    port,
    forwarding,
    weight: numberOf(options, 'weight') ?? 1,
    upperThreshold: numberOf(options, 'u-threshold') ?? 0,
    lowerThreshold: numberOf(options, 'l-threshold') ?? 0,
    ...(options.values.has('tun-type') ? { tunnelType: textOf(options, 'tun-type') } : {}),
    tunnelPort: numberOf(options, 'tun-port') ?? 0,
    ...(tunnelChecksum ? { tunnelChecksum } : {}),
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw problemOf(String(issue?.path[0] ?? 'destination'), issue?.message ?? 'is not valid');
  }
  const problem = destinationForServiceProblem(service, result.data);
  if (problem) throw problemOf(problem[0], problem[1]);
  return result.data;
}
