// The PromQL the agent asks Prometheus for long history: over the series it exports itself on /metrics
// (node_exporter's node_ipvs_backend_connections_* gauges, its own ipvs_dashboard_*_total counters), narrowed
// to one service by its labels and to this director by the operator's selector.
import { AppError, type HistoryPoint, type ServiceKey } from '@ipvs-dashboard/shared';

/** One label matcher as PromQL writes it: name, operator, value (unescaped). */
export interface LabelMatcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

const matcherPattern = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/;

/**
 * `--prometheus-selector` text (`{job="ipvs-dashboard",instance="lb1:8080"}`, braces optional) to its
 * matchers; anything else is refused at start, naming what is wrong, rather than sent as broken PromQL.
 */
export function parseSelector(text: string): LabelMatcher[] {
  const trimmed = text.trim();
  const inner = trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1) : trimmed;
  const matchers: LabelMatcher[] = [];
  let rest = inner.trim();
  while (rest !== '') {
    const match = matcherPattern.exec(rest);
    if (!match) {
      throw new AppError(
        'VALIDATION_FAILED',
        `--prometheus-selector: cannot read "${rest}" in "${text}". Write label matchers as Prometheus does, e.g. '{job="ipvs-dashboard",instance="lb1:8080"}'.`,
        { field: 'prometheus-selector' },
      );
    }
    matchers.push({
      name: match[1]!,
      op: match[2] as LabelMatcher['op'],
      value: match[3]!.replace(/\\(.)/g, '$1'),
    });
    rest = rest.slice(match[0].length).trim();
  }
  return matchers;
}

/** A label value inside PromQL double quotes. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export function formatSelector(matchers: readonly LabelMatcher[]): string {
  return `{${matchers.map((m) => `${m.name}${m.op}${quote(m.value)}`).join(',')}}`;
}

const equal = (name: string, value: string): LabelMatcher => ({ name, op: '=', value });

/** The labels of ipvs_dashboard_* service series (metrics/dashboard-families.ts serviceLabels). */
export function dashboardServiceMatchers(key: ServiceKey): LabelMatcher[] {
  return key.protocol === 'fwmark'
    ? [equal('protocol', 'fwmark'), equal('fwmark', String(key.fwmark)), equal('family', key.family)]
    : [equal('protocol', key.protocol), equal('address', key.address), equal('port', String(key.port))];
}

/** The labels of node_ipvs_backend_* series (metrics/node-exporter-families.ts nodeExporterLabels). */
export function nodeExporterServiceMatchers(key: ServiceKey): LabelMatcher[] {
  return key.protocol === 'fwmark'
    ? [equal('proto', 'FWM'), equal('local_mark', key.fwmark.toString(16).toUpperCase().padStart(8, '0'))]
    : [
        equal('proto', key.protocol.toUpperCase()),
        equal('local_address', key.address),
        equal('local_port', String(key.port)),
      ];
}

export type PointField = Exclude<keyof HistoryPoint, 'at'>;

/** Where each field of a point comes from: a counter under rate(), or a connection gauge. */
const fieldSources: Record<PointField, { counter: string } | { gauge: string }> = {
  cps: { counter: 'connections_total' },
  inPps: { counter: 'incoming_packets_total' },
  outPps: { counter: 'outgoing_packets_total' },
  inBps: { counter: 'incoming_bytes_total' },
  outBps: { counter: 'outgoing_bytes_total' },
  activeConns: { gauge: 'node_ipvs_backend_connections_active' },
  inactiveConns: { gauge: 'node_ipvs_backend_connections_inactive' },
};

export const pointFields = Object.keys(fieldSources) as PointField[];

/** The counter families long history needs: --prometheus-url turns them on in /metrics. */
export const queriedCounterFamilies: readonly string[] = Object.values(fieldSources).flatMap((source) =>
  'counter' in source
    ? [`ipvs_dashboard_service_${source.counter}`, `ipvs_dashboard_destination_${source.counter}`]
    : [],
);

/** A duration as PromQL writes it: whole seconds. */
export function promDuration(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))}s`;
}

/** The labels a per-real-server query groups by, in the order destinationOf reads them. */
export const realServerLabels = {
  counter: ['real_address', 'real_port'],
  gauge: ['remote_address', 'remote_port'],
} as const;

/**
 * The query of one field of one service: the service's total (`scope: 'service'`) or one series per real
 * server (`scope: 'destination'`). Rates are rate() over `rateWindowMs`; connections are summed over the
 * backends node_exporter lists for the service (a fwmark service may list a real server twice).
 */
export function fieldQuery(
  field: PointField,
  scope: 'service' | 'destination',
  key: ServiceKey,
  selector: readonly LabelMatcher[],
  rateWindowMs: number,
): string {
  const source = fieldSources[field];
  if ('counter' in source) {
    const metric = `ipvs_dashboard_${scope}_${source.counter}`;
    const series = `${metric}${formatSelector([...selector, ...dashboardServiceMatchers(key)])}`;
    const grouping = scope === 'service' ? '' : ` by (${realServerLabels.counter.join(', ')})`;
    return `sum${grouping} (rate(${series}[${promDuration(rateWindowMs)}]))`;
  }
  const series = `${source.gauge}${formatSelector([...selector, ...nodeExporterServiceMatchers(key)])}`;
  const grouping = scope === 'service' ? '' : ` by (${realServerLabels.gauge.join(', ')})`;
  return `sum${grouping} (${series})`;
}

/** Which scraped directors a selector picks over a range: more than one would mix two tables. */
export function directorsQuery(selector: readonly LabelMatcher[], rangeMs: number): string {
  return `count by (job, instance) (last_over_time(ipvs_dashboard_up${formatSelector(selector)}[${promDuration(rangeMs)}]))`;
}
