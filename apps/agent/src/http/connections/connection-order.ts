// Sort order of connection rows by one column. Addresses compare as numbers (10.0.0.9 before 10.0.0.10),
// IPv4 before IPv6, then by port; the key of each row is built once, not at every comparison.
import { parseIpAddress, type Connection, type ConnectionSortKey } from '@ipvs-dashboard/shared';

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/** "4" + 8 hex digits or "6" + 32, then the port in 4: sorts as family, address, port. */
export function endpointKey(address: string, port: number): string {
  const parsed = parseIpAddress(address);
  // A fwmark template's virtual "address" is the mark as printed: after every real address.
  if (!parsed) return `9${address}:${hex(port, 4)}`;
  const digits = parsed.bytes.map((byte) => hex(byte, 2)).join('');
  return `${parsed.family === 'inet' ? '4' : '6'}${digits}${hex(port, 4)}`;
}

type Key = string | number;

function keyOf(column: ConnectionSortKey): (c: Connection) => Key {
  switch (column) {
    case 'protocol':
      return (c) => c.protocol;
    case 'client':
      return (c) => endpointKey(c.clientAddress, c.clientPort);
    case 'virtual':
      return (c) =>
        c.fwmark !== null ? `8${hex(c.fwmark, 8)}` : endpointKey(c.virtualAddress, c.virtualPort);
    case 'destination':
      return (c) => endpointKey(c.destAddress, c.destPort);
    case 'state':
      return (c) => c.state;
    case 'expires':
      return (c) => c.expiresSeconds;
  }
}

/** The rows sorted by the column (stable: equal keys keep the kernel's order); a new array. */
export function sortConnections(
  rows: readonly Connection[],
  column: ConnectionSortKey,
  order: 'asc' | 'desc',
): Connection[] {
  const key = keyOf(column);
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  const sign = order === 'asc' ? 1 : -1;
  keyed.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : 0));
  return keyed.map(({ row }) => row);
}
