import type { Destination, ServiceKey, ServiceWithDestinations, Stats } from '@ipvs-dashboard/shared';
import {
  escapeLabelValue,
  familyHeader,
  formatLabels,
  formatValue,
  type MetricType,
} from './prometheus-text.js';

/** Rows between pauses while label text is built. */
const ROW_SLICE = 100;

interface ServiceRow {
  labels: string;
  service: ServiceWithDestinations;
}

interface DestinationRow {
  labels: string;
  service: ServiceWithDestinations;
  dest: Destination;
}

type Family =
  | { scope: 'service'; value: (row: ServiceRow) => number; extra?: (row: ServiceRow) => string }
  | { scope: 'destination'; value: (row: DestinationRow) => number; extra?: (row: DestinationRow) => string }
  | { scope: 'table'; value: (table: readonly ServiceWithDestinations[]) => number };

type DashboardFamily = Family & { name: string; help: string; type: MetricType };

const counterFields: { field: keyof Stats; name: string; help: string }[] = [
  { field: 'conns', name: 'connections_total', help: 'Connections scheduled.' },
  { field: 'inPackets', name: 'incoming_packets_total', help: 'Packets in.' },
  { field: 'outPackets', name: 'outgoing_packets_total', help: 'Packets out.' },
  { field: 'inBytes', name: 'incoming_bytes_total', help: 'Bytes in.' },
  { field: 'outBytes', name: 'outgoing_bytes_total', help: 'Bytes out.' },
];

/**
 * The kernel's estimator rates (ipvsadm --rate), per virtual service only: per real server Prometheus
 * computes them from the counters (rate()).
 */
const rateFields: { field: keyof Stats; name: string }[] = [
  { field: 'cps', name: 'connections_per_second' },
  { field: 'inPps', name: 'incoming_packets_per_second' },
  { field: 'outPps', name: 'outgoing_packets_per_second' },
  { field: 'inBps', name: 'incoming_bytes_per_second' },
  { field: 'outBps', name: 'outgoing_bytes_per_second' },
];

const label = (name: string, value: string) => `,${name}="${escapeLabelValue(value)}"`;

/**
 * The agent's own families, each opt-in with --metrics. Series are identified by the service and the real
 * server only, so changing a scheduler or a forwarding method does not start new counter series; those
 * settings are in the `_info` series (value 1), the Prometheus way to join them in.
 */
export const dashboardFamilies: readonly DashboardFamily[] = [
  ...counterFields.flatMap(({ field, name, help }): DashboardFamily[] => [
    {
      name: `ipvs_dashboard_service_${name}`,
      help: `${help} Per virtual service.`,
      type: 'counter',
      scope: 'service',
      value: (row) => row.service.stats[field],
    },
    {
      name: `ipvs_dashboard_destination_${name}`,
      help: `${help} Per real server.`,
      type: 'counter',
      scope: 'destination',
      value: (row) => row.dest.stats[field],
    },
  ]),
  ...rateFields.map(({ field, name }): DashboardFamily => ({
    name: `ipvs_dashboard_service_${name}`,
    help: 'Kernel estimator rate (ipvsadm --rate). Per virtual service.',
    type: 'gauge',
    scope: 'service',
    value: (row) => row.service.stats[field],
  })),
  {
    name: 'ipvs_dashboard_service_info',
    help: 'Scheduler and persistence (s) of a virtual service.',
    type: 'gauge',
    scope: 'service',
    value: () => 1,
    extra: (row) =>
      label('scheduler', row.service.scheduler) + label('persistence', String(row.service.persistence)),
  },
  {
    name: 'ipvs_dashboard_destination_info',
    help: 'Forwarding method of a real server.',
    type: 'gauge',
    scope: 'destination',
    value: () => 1,
    extra: (row) => label('forwarding', row.dest.forwarding),
  },
  {
    name: 'ipvs_dashboard_destination_weight',
    help: 'Scheduling weight; 0 means quiesced.',
    type: 'gauge',
    scope: 'destination',
    value: (row) => row.dest.weight,
  },
  {
    name: 'ipvs_dashboard_destination_active_connections',
    help: 'Active connections.',
    type: 'gauge',
    scope: 'destination',
    value: (row) => row.dest.activeConns,
  },
  {
    name: 'ipvs_dashboard_destination_inactive_connections',
    help: 'Inactive connections.',
    type: 'gauge',
    scope: 'destination',
    value: (row) => row.dest.inactiveConns,
  },
  {
    name: 'ipvs_dashboard_destination_persistent_connections',
    help: 'Persistence templates pointing here.',
    type: 'gauge',
    scope: 'destination',
    value: (row) => row.dest.persistentConns,
  },
  {
    name: 'ipvs_dashboard_services',
    help: 'Virtual services in the table.',
    type: 'gauge',
    scope: 'table',
    value: (table) => table.length,
  },
];

/** The labels that name a virtual service in every ipvs_dashboard_* family. */
export function serviceLabels(key: ServiceKey): string {
  return key.protocol === 'fwmark'
    ? formatLabels([
        ['protocol', 'fwmark'],
        ['address', ''],
        ['port', '0'],
        ['fwmark', String(key.fwmark)],
        ['family', key.family],
      ])
    : formatLabels([
        ['protocol', key.protocol],
        ['address', key.address],
        ['port', String(key.port)],
        ['fwmark', ''],
        ['family', ''],
      ]);
}

/** Label text of every row, built once per scrape for the scopes some enabled family needs. */
function* rowsOf(
  table: readonly ServiceWithDestinations[],
  withDestinations: boolean,
): Generator<string, { services: ServiceRow[]; destinations: DestinationRow[] }> {
  const services: ServiceRow[] = [];
  const destinations: DestinationRow[] = [];
  let count = 0;
  for (const service of table) {
    const labels = serviceLabels(service.key);
    services.push({ labels, service });
    if (!withDestinations) continue;
    for (const dest of service.destinations) {
      const real = label('real_address', dest.address) + label('real_port', String(dest.port));
      destinations.push({ labels: labels + real, service, dest });
      if (++count % ROW_SLICE === 0) yield '';
    }
  }
  return { services, destinations };
}

/** The enabled families' text, in catalogue order. Yields lines, and '' where the caller may pause. */
export function* dashboardText(
  table: readonly ServiceWithDestinations[],
  enabled: ReadonlySet<string>,
): Generator<string> {
  const families = dashboardFamilies.filter((family) => enabled.has(family.name));
  if (families.length === 0) return;
  const rows = yield* rowsOf(
    table,
    families.some((family) => family.scope === 'destination'),
  );
  for (const family of families) {
    const { name } = family;
    const header = familyHeader(name, family.help, family.type);
    if (family.scope === 'table') {
      yield `${header}${name} ${formatValue(family.value(table))}\n`;
      continue;
    }
    if (family.scope === 'service') {
      if (rows.services.length > 0) yield header;
      for (const row of rows.services) {
        yield `${name}{${row.labels}${family.extra?.(row) ?? ''}} ${formatValue(family.value(row))}\n`;
      }
    } else {
      if (rows.destinations.length > 0) yield header;
      for (const row of rows.destinations) {
        yield `${name}{${row.labels}${family.extra?.(row) ?? ''}} ${formatValue(family.value(row))}\n`;
      }
    }
  }
}
