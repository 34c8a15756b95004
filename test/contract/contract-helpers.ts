// Small helpers for the backend contract: input builders with ipvsadm's defaults and an error matcher
// that checks the catalogue code (not the class, so it works across module copies in the guest).
import assert from 'node:assert/strict';
import type {
  DestinationInput,
  ServiceInput,
  ServiceKey,
  ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '@ipvs-dashboard/agent/ipvs';

/** ipvsadm -A defaults: wlc, no flags, not persistent, netmask /32 or /128. */
export function serviceInput(key: ServiceKey, overrides: Partial<ServiceInput> = {}): ServiceInput {
  const inet6 = key.protocol === 'fwmark' ? key.family === 'inet6' : key.address.includes(':');
  return {
    ...key,
    scheduler: 'wlc',
    schedulerFlags: [],
    persistence: 0,
    netmask: inet6 ? '128' : '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
    ...overrides,
  } as ServiceInput;
}

/** ipvsadm -a defaults: gatewaying (route), weight 1, no thresholds, ipip/nocsum. */
export function destinationInput(
  address: string,
  port: number,
  overrides: Partial<DestinationInput> = {},
): DestinationInput {
  return {
    address,
    port,
    forwarding: 'route',
    weight: 1,
    upperThreshold: 0,
    lowerThreshold: 0,
    tunnelType: 'ipip',
    tunnelPort: 0,
    tunnelChecksum: 'nocsum',
    ...overrides,
  };
}

/** Asserts the promise rejects with an AppError-shaped error carrying one of `codes`. */
export async function rejectsWith(promise: Promise<unknown>, ...codes: string[]): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    const code = (error as { code?: unknown } | null)?.code;
    assert.ok(
      typeof code === 'string' && codes.includes(code),
      `expected error code ${codes.join(' or ')}, got ${String(code)} (${String(error)})`,
    );
    return true;
  });
}

/** The table without stats, to prove that a refused call changed nothing. */
export async function tableShape(backend: IpvsBackend): Promise<unknown> {
  const services: ServiceWithDestinations[] = await backend.snapshot();
  return services.map(({ stats: _stats, destinations, ...service }) => ({
    ...service,
    destinations: destinations.map(
      ({ stats: _s, activeConns: _a, inactiveConns: _i, persistentConns: _p, overloaded: _o, ...d }) => d,
    ),
  }));
}

/** Runs a refused operation and checks both the error code and that the table did not change. */
export async function refusedWithoutChange(
  backend: IpvsBackend,
  operation: () => Promise<unknown>,
  ...codes: string[]
): Promise<void> {
  const before = await tableShape(backend);
  await rejectsWith(operation(), ...codes);
  assert.deepEqual(await tableShape(backend), before);
}

export const web: ServiceKey = { protocol: 'tcp', address: '10.10.10.10', port: 80 };
export const missing: ServiceKey = { protocol: 'tcp', address: '10.10.10.99', port: 80 };
