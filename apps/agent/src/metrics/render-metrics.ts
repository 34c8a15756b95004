import type { Destination, ServiceKey, ServiceWithDestinations, Stats, Totals } from '@ipvs-dashboard/shared';
import { formatFamilies, type Labels, type MetricFamily } from './prometheus-text.js';

/**
 * Labels exactly as node_exporter's ipvs collector makes them from /proc/net/ip_vs (procfs
 * IPVSBackendStatus): proto "TCP"/"UDP"/"FWM" (SCTP here too), local_address empty and local_mark the
 * kernel's "%08X" mark for fwmark services (net/netfilter/ipvs/ip_vs_ctl.c ip_vs_info_seq_show),
 * IPv6 addresses without brackets, ports in decimal.
 */
export function nodeExporterLabels(key: ServiceKey, dest: Destination): Labels {
  const isMark = key.protocol === 'fwmark';
  return {
    local_address: isMark ? '' : key.address,
    local_port: isMark ? '0' : String(key.port),
    remote_address: dest.address,
    remote_port: String(dest.port),
    proto: isMark ? 'FWM' : key.protocol.toUpperCase(),
    local_mark: isMark ? key.fwmark.toString(16).toUpperCase().padStart(8, '0') : '',
  };
}

function serviceLabels(key: ServiceKey): Labels {
  return key.protocol === 'fwmark'
    ? { protocol: 'fwmark', address: '', port: '0', fwmark: String(key.fwmark), family: key.family }
    : { protocol: key.protocol, address: key.address, port: String(key.port), fwmark: '', family: '' };
}

const counterFields: { field: keyof Stats; name: string; help: string }[] = [
  { field: 'conns', name: 'connections_total', help: 'Connections scheduled.' },
  { field: 'inPackets', name: 'incoming_packets_total', help: 'Packets in.' },
  { field: 'outPackets', name: 'outgoing_packets_total', help: 'Packets out.' },
  { field: 'inBytes', name: 'incoming_bytes_total', help: 'Bytes in.' },
  { field: 'outBytes', name: 'outgoing_bytes_total', help: 'Bytes out.' },
];

/**
 * The kernel's estimator rates (ipvsadm --rate), per virtual service only: per real server Prometheus
 * computes them from the counters (rate()), and five more series for each of 10,000 real servers made a
 * scrape of a 1,000 x 10 table 31 MB.
 */
const rateFields: { field: keyof Stats; name: string }[] = [
  { field: 'cps', name: 'connections_per_second' },
  { field: 'inPps', name: 'incoming_packets_per_second' },
  { field: 'outPps', name: 'outgoing_packets_per_second' },
  { field: 'inBps', name: 'incoming_bytes_per_second' },
  { field: 'outBps', name: 'outgoing_bytes_per_second' },
];

/** node_exporter's node_ipvs_* families: totals as counters, per-backend gauges summed per label set. */
function nodeExporterFamilies(table: readonly ServiceWithDestinations[], totals: Totals): MetricFamily[] {
  const totalFamilies: MetricFamily[] = [
    ['connections_total', 'The total number of connections made.', totals.conns],
    ['incoming_packets_total', 'The total number of incoming packets.', totals.inPackets],
    ['outgoing_packets_total', 'The total number of outgoing packets.', totals.outPackets],
    ['incoming_bytes_total', 'The total amount of incoming data.', totals.inBytes],
    ['outgoing_bytes_total', 'The total amount of outgoing data.', totals.outBytes],
  ].map(([name, help, value]) => ({
    name: `node_ipvs_${name as string}`,
    help: help as string,
    type: 'counter' as const,
    samples: [{ labels: {}, value: value as number }],
  }));
  // Like the collector, identical label sets (possible with fwmark services) are summed, never duplicated.
  const sums = new Map<string, { labels: Labels; active: number; inactive: number; weight: number }>();
  for (const service of table) {
    for (const dest of service.destinations) {
      const labels = nodeExporterLabels(service.key, dest);
      const id = JSON.stringify(labels);
      const sum = sums.get(id) ?? { labels, active: 0, inactive: 0, weight: 0 };
      sum.active += dest.activeConns;
      sum.inactive += dest.inactiveConns;
      sum.weight += dest.weight;
      sums.set(id, sum);
    }
  }
  const rows = [...sums.values()];
  const gauge = (name: string, help: string, pick: (r: (typeof rows)[number]) => number): MetricFamily => ({
    name: `node_ipvs_${name}`,
    help,
    type: 'gauge',
    samples: rows.map((r) => ({ labels: r.labels, value: pick(r) })),
  });
  return [
    ...totalFamilies,
    gauge(
      'backend_connections_active',
      'The current active connections by local and remote address.',
      (r) => r.active,
    ),
    gauge(
      'backend_connections_inactive',
      'The current inactive connections by local and remote address.',
      (r) => r.inactive,
    ),
    gauge('backend_weight', 'The current backend weight by local and remote address.', (r) => r.weight),
  ];
}

interface Row<T> {
  labels: Labels;
  item: T;
}

function family<T>(
  name: string,
  help: string,
  type: MetricFamily['type'],
  rows: readonly Row<T>[],
  value: (item: T) => number,
): MetricFamily {
  return { name, help, type, samples: rows.map((row) => ({ labels: row.labels, value: value(row.item) })) };
}

/**
 * Richer per-service and per-real-server series the collector does not have. Series are identified by
 * the service and the real server only, so changing a scheduler or a forwarding method does not start
 * new counter series; those settings are in the `_info` series (value 1), the Prometheus way to join
 * them in. Each row's labels are one object shared by all its families, so they are formatted once.
 */
function dashboardFamilies(table: readonly ServiceWithDestinations[]): MetricFamily[] {
  const services: Row<ServiceWithDestinations>[] = [];
  const destinations: Row<Destination>[] = [];
  const serviceInfo: Row<null>[] = [];
  const destinationInfo: Row<null>[] = [];
  for (const service of table) {
    const base = serviceLabels(service.key);
    services.push({ labels: base, item: service });
    serviceInfo.push({
      labels: { ...base, scheduler: service.scheduler, persistence: String(service.persistence) },
      item: null,
    });
    for (const dest of service.destinations) {
      const labels = { ...base, real_address: dest.address, real_port: String(dest.port) };
      destinations.push({ labels, item: dest });
      destinationInfo.push({ labels: { ...labels, forwarding: dest.forwarding }, item: null });
    }
  }
  const one = () => 1;
  const families: MetricFamily[] = [];
  for (const { field, name, help } of counterFields) {
    families.push(
      family(
        `ipvs_dashboard_service_${name}`,
        `${help} Per virtual service.`,
        'counter',
        services,
        (s) => s.stats[field],
      ),
      family(
        `ipvs_dashboard_destination_${name}`,
        `${help} Per real server.`,
        'counter',
        destinations,
        (d) => d.stats[field],
      ),
    );
  }
  for (const { field, name } of rateFields) {
    const help = 'Kernel estimator rate (ipvsadm --rate). Per virtual service.';
    families.push(family(`ipvs_dashboard_service_${name}`, help, 'gauge', services, (s) => s.stats[field]));
  }
  families.push(
    family(
      'ipvs_dashboard_service_info',
      'Scheduler and persistence (s) of a virtual service.',
      'gauge',
      serviceInfo,
      one,
    ),
    family(
      'ipvs_dashboard_destination_info',
      'Forwarding method of a real server.',
      'gauge',
      destinationInfo,
      one,
    ),
    family(
      'ipvs_dashboard_destination_weight',
      'Scheduling weight; 0 means quiesced.',
      'gauge',
      destinations,
      (d) => d.weight,
    ),
    family(
      'ipvs_dashboard_destination_active_connections',
      'Active connections.',
      'gauge',
      destinations,
      (d) => d.activeConns,
    ),
    family(
      'ipvs_dashboard_destination_inactive_connections',
      'Inactive connections.',
      'gauge',
      destinations,
      (d) => d.inactiveConns,
    ),
    family(
      'ipvs_dashboard_destination_persistent_connections',
      'Persistence templates pointing here.',
      'gauge',
      destinations,
      (d) => d.persistentConns,
    ),
    {
      name: 'ipvs_dashboard_services',
      help: 'Virtual services in the table.',
      type: 'gauge',
      samples: [{ labels: {}, value: table.length }],
    },
  );
  return families;
}

export function renderMetrics(
  table: readonly ServiceWithDestinations[],
  totals: Totals,
  agent: { backend: string; up: boolean },
): string {
  const agentFamily: MetricFamily = {
    name: 'ipvs_dashboard_up',
    help: '1 when the last read of the IPVS table succeeded.',
    type: 'gauge',
    samples: [{ labels: { backend: agent.backend }, value: agent.up ? 1 : 0 }],
  };
  return formatFamilies([...nodeExporterFamilies(table, totals), ...dashboardFamilies(table), agentFamily]);
}
