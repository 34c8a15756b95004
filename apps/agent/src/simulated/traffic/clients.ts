// Simulated client addresses: 198.18.0.0/15 (RFC 2544 benchmarking) for IPv4 and 2001:db8:c::/64 for IPv6.
// Nothing is ever sent to them; they only feed the schedulers' hashes and the connection list.
import { addressWords, formatIpAddress } from '@ipvs-dashboard/shared';
import type { AddressFamily, IpAddress } from '@ipvs-dashboard/shared';

export interface SimClient {
  address: string;
  words: readonly number[];
  bytes: readonly number[];
}

export function simulatedClient(family: AddressFamily, index: number): SimClient {
  const n = index % 0x1_0000;
  const ip: IpAddress =
    family === 'inet'
      ? { family, bytes: [198, 18, n >> 8, n & 0xff] }
      : { family, bytes: [0x20, 0x01, 0x0d, 0xb8, 0, 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, n >> 8, n & 0xff] };
  return { address: formatIpAddress(ip), words: addressWords(ip), bytes: ip.bytes };
}

/** The client address masked with a persistence netmask (dotted IPv4 mask, or IPv6 prefix length). */
export function maskClient(client: SimClient, family: AddressFamily, netmask: string): string {
  let maskBytes: number[];
  if (family === 'inet') {
    maskBytes = netmask.split('.').map(Number);
  } else {
    const prefix = Number(netmask);
    maskBytes = Array.from({ length: 16 }, (_, i) => {
      const bits = Math.max(0, Math.min(8, prefix - i * 8));
      return (0xff << (8 - bits)) & 0xff;
    });
  }
  return formatIpAddress({ family, bytes: client.bytes.map((b, i) => b & (maskBytes[i] ?? 0)) });
}
