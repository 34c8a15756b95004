import type { Destination, ServiceKey, ServiceWithDestinations, Totals } from '@ipvs-dashboard/shared';
import { familyHeader, formatLabels, formatValue } from './prometheus-text.js';
import { sortInSlices } from './sorted-in-slices.js';

/** Rows between pauses while the per-real-server rows are built. */
const ROW_SLICE = 100;

/**
 * node_exporter's ipvs collector labels (collector/ipvs_linux.go, from procfs IPVSBackendStatus) in the
 * order client_golang prints them, sorted by name: proto "TCP"/"UDP"/"FWM" (SCTP here too),
 * local_address empty and local_mark the kernel's "%08X" for fwmark services
 * (net/netfilter/ipvs/ip_vs_ctl.c ip_vs_info_seq_show), IPv6 addresses without brackets, ports in decimal.
 */
export function nodeExporterLabels(key: ServiceKey, dest: Destination): [string, string][] {
  const isMark = key.protocol === 'fwmark';
  return [
    ['local_address', isMark ? '' : key.address],
    ['local_mark', isMark ? key.fwmark.toString(16).toUpperCase().padStart(8, '0') : ''],
    ['local_port', isMark ? '0' : String(key.port)],
    ['proto', isMark ? 'FWM' : key.protocol.toUpperCase()],
    ['remote_address', dest.address],
    ['remote_port', String(dest.port)],
  ];
}

interface BackendRow {
  /** client_golang's sort order: label values compared one by one, in label-name order. */
  order: string;
  labels: string;
  active: number;
  inactive: number;
  weight: number;
}

/**
 * One row per label set; identical label sets (possible with fwmark services) are summed, as the collector
 * does. Sorted the way client_golang's gatherer sorts a family's metrics.
 */
function* backendRows(table: readonly ServiceWithDestinations[]): Generator<string, BackendRow[]> {
  const rows = new Map<string, BackendRow>();
  let count = 0;
  for (const service of table) {
    for (const dest of service.destinations) {
      const pairs = nodeExporterLabels(service.key, dest);
      const order = pairs.map(([, value]) => value).join('\0');
      const row = rows.get(order);
      if (row) {
        row.active += dest.activeConns;
        row.inactive += dest.inactiveConns;
        row.weight += dest.weight;
      } else {
        rows.set(order, {
          order,
          labels: formatLabels(pairs),
          active: dest.activeConns,
          inactive: dest.inactiveConns,
          weight: dest.weight,
        });
      }
      if (++count % ROW_SLICE === 0) yield '';
    }
  }
  return yield* sortInSlices([...rows.values()], (row) => row.order);
}

const backendFamilies: { name: string; help: string; pick: (row: BackendRow) => number }[] = [
  {
    name: 'backend_connections_active',
    help: 'The current active connections by local and remote address.',
    pick: (row) => row.active,
  },
  {
    name: 'backend_connections_inactive',
    help: 'The current inactive connections by local and remote address.',
    pick: (row) => row.inactive,
  },
  {
    name: 'backend_weight',
    help: 'The current backend weight by local and remote address.',
    pick: (row) => row.weight,
  },
];

const totalFamilies: { name: string; help: string; field: keyof Totals }[] = [
  { name: 'connections_total', help: 'The total number of connections made.', field: 'conns' },
  { name: 'incoming_bytes_total', help: 'The total amount of incoming data.', field: 'inBytes' },
  { name: 'incoming_packets_total', help: 'The total number of incoming packets.', field: 'inPackets' },
  { name: 'outgoing_bytes_total', help: 'The total amount of outgoing data.', field: 'outBytes' },
  { name: 'outgoing_packets_total', help: 'The total number of outgoing packets.', field: 'outPackets' },
];

/**
 * The node_ipvs_* families exactly as node_exporter prints them for the same table: families in name
 * order, labels in name order, rows in label-value order, values as Go formats floats; a family without
 * rows is left out. Yields lines, and '' where the caller may pause.
 */
export function* nodeExporterText(
  table: readonly ServiceWithDestinations[],
  totals: Totals,
): Generator<string> {
  const rows = yield* backendRows(table);
  for (const { name, help, pick } of backendFamilies) {
    if (rows.length === 0) break;
    yield familyHeader(`node_ipvs_${name}`, help, 'gauge');
    for (const row of rows) yield `node_ipvs_${name}{${row.labels}} ${formatValue(pick(row))}\n`;
  }
  for (const { name, help, field } of totalFamilies) {
    yield `${familyHeader(`node_ipvs_${name}`, help, 'counter')}node_ipvs_${name} ${formatValue(totals[field])}\n`;
  }
}
