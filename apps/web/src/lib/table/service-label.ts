import type { ServiceKey, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { formatHostPort } from '@ipvs-dashboard/shared';

// How ipvsadm -Ln names a service: "TCP  10.0.0.1:80", "FWM  7"; we keep the protocol in its own column.
export function protocolLabel(key: ServiceKey): string {
  return key.protocol === 'fwmark' ? 'FWM' : key.protocol.toUpperCase();
}

export function addressLabel(key: ServiceKey): string {
  if (key.protocol === 'fwmark') return `fwmark ${key.fwmark}`;
  try {
    return formatHostPort(key.address, key.port);
  } catch {
    return `${key.address}:${key.port}`;
  }
}

export function serviceTitle(key: ServiceKey): string {
  return `${protocolLabel(key)} ${addressLabel(key)}`;
}

/** Connections summed over real servers, the numbers the overview shows per service. */
export function connectionCounts(service: ServiceWithDestinations): { active: number; inactive: number } {
  let active = 0;
  let inactive = 0;
  for (const destination of service.destinations) {
    active += destination.activeConns;
    inactive += destination.inactiveConns;
  }
  return { active, inactive };
}
