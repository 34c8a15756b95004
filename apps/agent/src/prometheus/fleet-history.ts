// GET /fleet/history: the Fleet page's sparklines. ONE PromQL query for the whole fleet, grouped by the
// `instance` label (what Prometheus calls each scrape target, so what tells the directors apart), over
// node_ipvs_connections_total: node_exporter's own counter, which every agent serves by default, so a
// director needs no --metrics flag and a node_exporter-only director draws a line too.
import {
  FLEET_HISTORY_RATE_WINDOW_MS,
  FLEET_HISTORY_SPAN_MS,
  FLEET_HISTORY_STEP_MS,
  defaultInstanceOf,
  type FleetDirectorHistory,
  type FleetHistoryResponse,
} from '@ipvs-dashboard/shared';
import type { PrometheusClient, RangeSeries } from './prometheus-client.js';
import { formatSelector, promDuration, type LabelMatcher } from './promql.js';

/** What the fleet history needs of the --fleet settings (config/fleet-file.ts FleetSettings). */
export interface FleetHistoryDirectors {
  self: { name: string; prometheusInstance: string | null };
  peers: readonly { name: string; url: string; prometheusInstance: string | null }[];
}

export interface DirectorInstance {
  name: string;
  instance: string | null;
}

/**
 * Each director's `instance` label: the fleet file's prometheusInstance; else, for a peer, its url's
 * host:port; for this agent, the `instance="..."` of --prometheus-selector (it has no url of its own).
 */
export function directorInstances(
  fleet: FleetHistoryDirectors,
  selector: readonly LabelMatcher[],
): DirectorInstance[] {
  const fromSelector = selector.find((matcher) => matcher.name === 'instance' && matcher.op === '=');
  return [
    { name: fleet.self.name, instance: fleet.self.prometheusInstance ?? fromSelector?.value ?? null },
    ...fleet.peers.map((peer) => ({
      name: peer.name,
      instance: peer.prometheusInstance ?? defaultInstanceOf(peer.url),
    })),
  ];
}

/** A literal string inside an RE2 regular expression (PromQL's =~ is RE2, anchored at both ends). */
function regexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The query: rate of new connections per director. The selector's other matchers (`job="..."`) narrow it
 * to the agents' scrape job; its `instance` matcher is dropped, as it names this director only.
 */
export function fleetHistoryQuery(instances: readonly string[], selector: readonly LabelMatcher[]): string {
  const matchers: LabelMatcher[] = [
    ...selector.filter((matcher) => matcher.name !== 'instance'),
    { name: 'instance', op: '=~', value: [...new Set(instances)].map(regexLiteral).join('|') },
  ];
  return `sum by (instance) (rate(node_ipvs_connections_total${formatSelector(matchers)}[${promDuration(FLEET_HISTORY_RATE_WINDOW_MS)}]))`;
}

/** Prometheus's series, one per instance, to one row per director in the fleet file's order. */
export function fleetHistoryRows(
  directors: readonly DirectorInstance[],
  series: readonly RangeSeries[],
): FleetDirectorHistory[] {
  const byInstance = new Map(series.map((one) => [one.metric.instance ?? '', one.values]));
  return directors.map(({ name, instance }) => {
    if (instance === null) {
      return {
        name,
        instance,
        points: [],
        note: 'No Prometheus instance label is known for this agent: give self.prometheusInstance in the fleet file, or an instance="..." in --prometheus-selector.',
      };
    }
    const values = byInstance.get(instance) ?? [];
    const points = values
      .map(([seconds, value]) => ({ at: Math.round(seconds * 1000), cps: Number(value) }))
      .filter((point) => Number.isFinite(point.cps) && point.cps >= 0);
    return {
      name,
      instance,
      points,
      note:
        points.length > 0
          ? null
          : `Prometheus has no node_ipvs_connections_total with instance="${instance}" in the last hour: is this director scraped under that name? If not, set its prometheusInstance in the fleet file.`,
    };
  });
}

export class FleetHistory {
  constructor(
    private readonly client: PrometheusClient,
    private readonly selector: readonly LabelMatcher[],
    private readonly fleet: FleetHistoryDirectors,
  ) {}

  /** The last hour, on whole minutes, so every caller within a minute asks Prometheus the same instants. */
  async lastHour(now: number): Promise<FleetHistoryResponse> {
    const to = Math.floor(now / FLEET_HISTORY_STEP_MS) * FLEET_HISTORY_STEP_MS;
    const from = to - FLEET_HISTORY_SPAN_MS;
    const directors = directorInstances(this.fleet, this.selector);
    const instances = directors.flatMap(({ instance }) => (instance === null ? [] : [instance]));
    const query = fleetHistoryQuery(instances, this.selector);
    const series =
      instances.length === 0 ? [] : await this.client.queryRange(query, from, to, FLEET_HISTORY_STEP_MS);
    return { from, to, stepMs: FLEET_HISTORY_STEP_MS, query, directors: fleetHistoryRows(directors, series) };
  }
}
