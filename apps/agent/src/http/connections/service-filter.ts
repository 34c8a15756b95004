// Which connections belong to a service: /proc/net/ip_vs_conn names no service (aabb98e).
import {
  canonicalAddress,
  type Connection,
  type ServiceKey,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';

const vipKey = (protocol: string, address: string, port: number) =>
  `${protocol.toLowerCase()} ${canonicalAddress(address) ?? address} ${port}`;

/**
 * Which entries of /proc/net/ip_vs_conn belong to a service. The file names no service: an entry has the
 * protocol (upper case), the address and port the client asked for, and the real server. A fwmark service
 * is matched by its templates (the mark where the address goes, `fwmark`) and by the connections to its
 * real servers for an address and port that no protocol/address/port service of the table claims.
 */
export function serviceFilter(
  key: ServiceKey,
  table: readonly ServiceWithDestinations[],
): (c: Connection) => boolean {
  if (key.protocol !== 'fwmark') {
    const wanted = vipKey(key.protocol, key.address, key.port);
    return (c) => vipKey(c.protocol, c.virtualAddress, c.virtualPort) === wanted;
  }
  const service = table.find(
    (s) => s.key.protocol === 'fwmark' && s.key.fwmark === key.fwmark && s.key.family === key.family,
  );
  // A real server of port 0 takes the port the client asked for (ip_vs_new_conn): match it by address.
  const realServers = new Set((service?.destinations ?? []).map((d) => `${d.address} ${d.port}`));
  const isRealServer = (address: string, port: number) => {
    const canonical = canonicalAddress(address) ?? address;
    return realServers.has(`${canonical} ${port}`) || realServers.has(`${canonical} 0`);
  };
  const claimed = new Set(
    table.flatMap((s) =>
      s.key.protocol === 'fwmark' ? [] : [vipKey(s.key.protocol, s.key.address, s.key.port)],
    ),
  );
  return (c) =>
    c.fwmark !== null
      ? c.fwmark === key.fwmark
      : !c.template &&
        isRealServer(c.destAddress, c.destPort) &&
        !claimed.has(vipKey(c.protocol, c.virtualAddress, c.virtualPort));
}
