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

const statFields: { field: keyof Stats; name: string; help: string; type: 'counter' | 'gauge' }[] = [
  { field: 'conns', name: 'connections_total', help: 'Connections scheduled.', type: 'counter' },
  { field: 'inPackets', name: 'incoming_packets_total', help: 'Packets in.', type: 'counter' },
  { field: 'outPackets', name: 'outgoing_packets_total', help: 'Packets out.', type: 'counter' },
  { field: 'inBytes', name: 'incoming_bytes_total', help: 'Bytes in.', type: 'counter' },
  { field: 'outBytes', name: 'outgoing_bytes_total', help: 'Bytes out.', type: 'counter' },
  { field: 'cps', name: 'connections_per_second', help: 'Kernel estimator rate.', type: 'gauge' },
  { field: 'inPps', name: 'incoming_packets_per_second', help: 'Kernel estimator rate.', type: 'gauge' },
  { field: 'outPps', name: 'outgoing_packets_per_second', help: 'Kernel estimator rate.', type: 'gauge' },
  { field: 'inBps', name: 'incoming_bytes_per_second', help: 'Kernel estimator rate.', type: 'gauge' },
  { field: 'outBps', name: 'outgoing_bytes_per_second', help: 'Kernel estimator rate.', type: 'gauge' },
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

/** Richer per-service and per-real-server series the collector does not have. */
function dashboardFamilies(table: readonly ServiceWithDestinations[]): MetricFamily[] {
  const families: MetricFamily[] = [];
  for (const scope of ['service', 'destination'] as const) {
    for (const stat of statFields) {
      const samples: MetricFamily['samples'] = [];
      for (const service of table) {
        const base = { ...serviceLabels(service.key), scheduler: service.scheduler };
        if (scope === 'service') samples.push({ labels: base, value: service.stats[stat.field] });
        else {
          for (const dest of service.destinations) {
            const labels = { ...base, real_address: dest.address, real_port: String(dest.port) };
            samples.push({ labels, value: dest.stats[stat.field] });
          }
        }
      }
      families.push({
        name: `ipvs_dashboard_${scope}_${stat.name}`,
        help: `${stat.help} Per ${scope === 'service' ? 'virtual service' : 'real server'}.`,
        type: stat.type,
        samples,
      });
    }
  }
  const destGauge = (name: string, help: string, pick: (d: Destination) => number): MetricFamily => ({
    name: `ipvs_dashboard_destination_${name}`,
    help,
    type: 'gauge',
    samples: table.flatMap((s) =>
      s.destinations.map((d) => ({
        labels: {
          ...serviceLabels(s.key),
          real_address: d.address,
          real_port: String(d.port),
          forwarding: d.forwarding,
        },
        value: pick(d),
      })),
    ),
  });
  families.push(
    destGauge('weight', 'Scheduling weight; 0 means quiesced.', (d) => d.weight),
    destGauge('active_connections', 'Active connections.', (d) => d.activeConns),
    destGauge('inactive_connections', 'Inactive connections.', (d) => d.inactiveConns),
    destGauge('persistent_connections', 'Persistence templates pointing here.', (d) => d.persistentConns),
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
