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

/** One output row: its label text and the real servers (indexes in table order) summed into it. */
interface BackendRow {
  labels: string;
  sources: number[];
}

/**
 * Which real servers make which node_exporter row, in client_golang's order. It depends only on the
 * table's keys, so one layout serves every scrape of the same table generation: building and sorting it
 * is most of a scrape's work (docs/benchmarks/metrics.md).
 */
export interface BackendLayout {
  generation: number;
  /** Real servers per service, to tell a table of another shape from the one the layout was built for. */
  shape: number[];
  rows: BackendRow[];
}

/** Holds the last layout between scrapes (one per agent). */
export interface LayoutCache {
  layout: BackendLayout | null;
}

function fits(layout: BackendLayout, table: readonly ServiceWithDestinations[], generation: number): boolean {
  return (
    layout.generation === generation &&
    layout.shape.length === table.length &&
    table.every((service, i) => service.destinations.length === layout.shape[i])
  );
}

/**
 * One row per label set; identical label sets (possible with fwmark services) are summed, as the collector
 * does. Sorted the way client_golang's gatherer sorts a family's metrics: label values compared one by
 * one, in label-name order.
 */
function* buildLayout(
  table: readonly ServiceWithDestinations[],
  generation: number,
): Generator<string, BackendLayout> {
  const rows = new Map<string, BackendRow & { order: string }>();
  let index = 0;
  for (const service of table) {
    for (const dest of service.destinations) {
      const pairs = nodeExporterLabels(service.key, dest);
      const order = pairs.map(([, value]) => value).join('\0');
      const row = rows.get(order);
      if (row) row.sources.push(index);
      else rows.set(order, { order, labels: formatLabels(pairs), sources: [index] });
      if (++index % ROW_SLICE === 0) yield '';
    }
  }
  const sorted = yield* sortInSlices([...rows.values()], (row) => row.order);
  return {
    generation,
    shape: table.map((service) => service.destinations.length),
    rows: sorted.map(({ labels, sources }) => ({ labels, sources })),
  };
}

const backendFamilies: { name: string; help: string; pick: (dest: Destination) => number }[] = [
  {
    name: 'backend_connections_active',
    help: 'The current active connections by local and remote address.',
    pick: (dest) => dest.activeConns,
  },
  {
    name: 'backend_connections_inactive',
    help: 'The current inactive connections by local and remote address.',
    pick: (dest) => dest.inactiveConns,
  },
  {
    name: 'backend_weight',
    help: 'The current backend weight by local and remote address.',
    pick: (dest) => dest.weight,
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
 * rows is left out. With a cache and the reading's generation, the layout of the last scrape is reused
 * while the table keeps its generation and shape. Yields lines, and '' where the caller may pause.
 */
export function* nodeExporterText(
  table: readonly ServiceWithDestinations[],
  totals: Totals,
  cache: LayoutCache = { layout: null },
  generation = NaN,
): Generator<string> {
  let layout = cache.layout;
  if (layout === null || !fits(layout, table, generation)) {
    layout = yield* buildLayout(table, generation);
    cache.layout = layout;
  }
  const dests = table.flatMap((service) => service.destinations);
  for (const { name, help, pick } of backendFamilies) {
    if (layout.rows.length === 0) break;
    yield familyHeader(`node_ipvs_${name}`, help, 'gauge');
    for (const { labels, sources } of layout.rows) {
      let value = 0;
      for (const index of sources) value += pick(dests[index] as Destination);
      yield `node_ipvs_${name}{${labels}} ${formatValue(value)}\n`;
    }
  }
  for (const { name, help, field } of totalFamilies) {
    yield `${familyHeader(`node_ipvs_${name}`, help, 'counter')}node_ipvs_${name} ${formatValue(totals[field])}\n`;
  }
}
