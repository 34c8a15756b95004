// Reads numbers out of ipvsadm's own listings, so the client's values can be compared with ipvsadm's.
// Rows are keyed by ipvsadm's text for the service ("TCP  10.10.0.100:80") or real server ("10.10.10.2:80").
import { mustIpvsadm } from '../ipvsadm.js';

export type ListingRows = Map<string, number[]>;

function parseRows(text: string): ListingRows {
  const rows: ListingRows = new Map();
  for (const line of text.split('\n').slice(3)) {
    const dest = /^\s+->\s+(\S+)\s+(.*)$/.exec(line);
    const service = /^(TCP|UDP|SCTP|FWM)\s+(\S+)\s+(.*)$/.exec(line);
    if (dest) rows.set(dest[1] ?? '', numbers(dest[2] ?? ''));
    else if (service) rows.set(`${service[1]} ${service[2]}`, numbers(service[3] ?? ''));
  }
  return rows;
}

function numbers(text: string): number[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((word) => /^\d+$/.test(word))
    .map(Number);
}

/** conns, inPackets, outPackets, inBytes, outBytes per row (`-Ln --stats --exact`). */
export function statsRows(): ListingRows {
  return parseRows(mustIpvsadm(['-Ln', '--stats', '--exact']));
}

/** weight, activeConns, inactiveConns per real server (`-Ln`; service rows carry no numbers here). */
export function connectionRows(): ListingRows {
  return parseRows(mustIpvsadm(['-Ln']));
}
