// ipvsadm's listing order (ipvsadm.c ipvs_cmp_services / ipvs_cmp_dests, used by -L and --sort):
// services by fwmark (port services, fwmark 0, first), family (AF_INET 2 before AF_INET6 10), protocol
// number (TCP 6, UDP 17, SCTP 132), address, port; real servers by address then port.
// ipvsadm subtracts u32s as ints, which misorders addresses 2^31 apart; we compare them as unsigned.
import { addressWords, parseIpAddress } from '@ipvs-dashboard/shared';
import type { AddressFamily, DestinationKey, ServiceKey } from '@ipvs-dashboard/shared';

const protocolNumbers = { tcp: 6, udp: 17, sctp: 132, fwmark: 6 } as const;
const afNumbers: Record<AddressFamily, number> = { inet: 2, inet6: 10 };

function compareAddresses(a: string, b: string): number {
  const left = parseIpAddress(a);
  const right = parseIpAddress(b);
  if (!left || !right) return a < b ? -1 : a > b ? 1 : 0;
  const byFamily = afNumbers[left.family] - afNumbers[right.family];
  if (byFamily !== 0) return byFamily;
  const lw = addressWords(left);
  const rw = addressWords(right);
  for (let i = 0; i < 4; i++) {
    const diff = (lw[i] ?? 0) - (rw[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function familyOfKey(key: ServiceKey): AddressFamily {
  if (key.protocol === 'fwmark') return key.family;
  return key.address.includes(':') ? 'inet6' : 'inet';
}

export function compareServiceKeys(a: ServiceKey, b: ServiceKey): number {
  const markA = a.protocol === 'fwmark' ? a.fwmark : 0;
  const markB = b.protocol === 'fwmark' ? b.fwmark : 0;
  if (markA !== markB) return markA - markB;
  const byFamily = afNumbers[familyOfKey(a)] - afNumbers[familyOfKey(b)];
  if (byFamily !== 0) return byFamily;
  const byProtocol = protocolNumbers[a.protocol] - protocolNumbers[b.protocol];
  if (byProtocol !== 0 || a.protocol === 'fwmark' || b.protocol === 'fwmark') return byProtocol;
  return compareAddresses(a.address, b.address) || a.port - b.port;
}

export function compareDestinationKeys(a: DestinationKey, b: DestinationKey): number {
  return compareAddresses(a.address, b.address) || a.port - b.port;
}
