// Complete ServiceInput/DestinationInput values from the few fields a test cares about, with the same
// defaults ipvsadm uses when an option is left out (ipvsadm.c: wlc, no persistence, /32 or /128, -g, -w 1).
import type {
  DestinationInput,
  ServiceInput,
  ServiceKey,
  ServiceSettings,
  DestinationSettings,
} from '@ipvs-dashboard/shared';

export function tcp(address: string, port: number): ServiceKey {
  return { protocol: 'tcp', address, port };
}

export function fwmark(mark: number, family: 'inet' | 'inet6' = 'inet'): ServiceKey {
  return { protocol: 'fwmark', fwmark: mark, family };
}

function isIpv6(key: ServiceKey): boolean {
  return key.protocol === 'fwmark' ? key.family === 'inet6' : key.address.includes(':');
}

export function serviceSettings(key: ServiceKey, settings: Partial<ServiceSettings> = {}): ServiceSettings {
  return {
    scheduler: 'wlc',
    schedulerFlags: [],
    persistence: 0,
    netmask: isIpv6(key) ? '128' : '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
    ...settings,
  };
}

export function service(key: ServiceKey, settings: Partial<ServiceSettings> = {}): ServiceInput {
  return { ...key, ...serviceSettings(key, settings) };
}

export function destination(
  address: string,
  port: number,
  settings: Partial<DestinationSettings> = {},
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
    ...settings,
  };
}
