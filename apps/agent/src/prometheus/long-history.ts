import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  AppError,
  destinationId,
  parseServiceId,
  serviceId,
  type HistoryPoint,
  type HistoryRangeResponse,
  type HistoryResponse,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import { liveBuckets } from './live-buckets.js';
import type { PrometheusClient, RangeSeries } from './prometheus-client.js';
import {
  directorsQuery,
  fieldQuery,
  formatSelector,
  pointFields,
  realServerLabels,
  type LabelMatcher,
  type PointField,
} from './promql.js';
import { planRange, type RangePlan } from './range-plan.js';

type Partial7 = Partial<Record<PointField, number>> & { at: number };

/** Points by instant, filled field by field as the answers come in. */
class PointTable {
  private readonly rows = new Map<number, Partial7>();

  put(at: number, field: PointField, value: number): void {
    let row = this.rows.get(at);
    if (!row) {
      row = { at };
      this.rows.set(at, row);
    }
    row[field] = field === 'activeConns' || field === 'inactiveConns' ? Math.round(value) : value;
  }

  /** Instants where Prometheus had every field; an instant missing one (a scrape gap) is left out, not zeroed. */
  complete(): HistoryPoint[] {
    return [...this.rows.values()]
      .filter((row): row is HistoryPoint => pointFields.every((field) => row[field] !== undefined))
      .sort((a, b) => a.at - b.at);
  }
}

function describeDirector(metric: Record<string, string>): string {
  return formatSelector(Object.entries(metric).map(([name, value]) => ({ name, op: '=', value })));
}

/**
 * GET /history/range: Prometheus's part of a range (rate() and connection gauges over the series this
 * agent exports), then the agent's own samples from where its memory starts, one point per step.
 */
export class LongHistory {
  constructor(
    /** Shared with the fleet's sparklines (fleet-history.ts): one Prometheus, one selector. */
    readonly client: PrometheusClient,
    readonly selector: readonly LabelMatcher[],
  ) {}

  get selectorText(): string {
    return formatSelector(this.selector);
  }

  async range(
    sid: string,
    bounds: { from: number; to: number },
    live: HistoryResponse,
    withDestinations: boolean,
  ): Promise<HistoryRangeResponse> {
    const key = parseServiceId(sid);
    const id = serviceId(key);
    const own = live.services.find((service) => service.id === id);
    const plan = planRange(bounds.from, bounds.to, own?.points[0]?.at ?? null);
    const total = new PointTable();
    const destinations = new Map<string, PointTable>();
    if (plan.prometheusEnd !== null) {
      await this.checkDirector(plan);
      await this.fill(plan, key, total, withDestinations ? destinations : null);
    }
    const points = total.complete();
    const servers = new Map<string, HistoryPoint[]>();
    for (const [did, table] of destinations) servers.set(did, table.complete());
    if (plan.joinAt !== null && own) {
      points.push(...liveBuckets(own.points, plan.joinAt, plan.to, plan.stepMs));
      for (const destination of withDestinations ? own.destinations : []) {
        const older = servers.get(destination.id) ?? [];
        servers.set(destination.id, [
          ...older,
          ...liveBuckets(destination.points, plan.joinAt, plan.to, plan.stepMs),
        ]);
      }
    }
    return {
      from: plan.from,
      to: plan.to,
      stepMs: plan.stepMs,
      rateWindowMs: plan.rateWindowMs,
      joinAt: plan.joinAt,
      services: [
        {
          id,
          points,
          destinations: [...servers].map(([did, series]) => ({ id: did, points: series })),
        },
      ],
    };
  }

  /**
   * Refuses a selector that picks no director (nothing to chart) or several (their tables would be summed).
   * Asked over the whole range up to `to`: a director Prometheus began scraping only after the agent's
   * memory starts is still this one, and its range is simply all the agent's own.
   */
  private async checkDirector(plan: RangePlan): Promise<void> {
    const reach = plan.to - plan.start + plan.rateWindowMs;
    const found = await this.client.query(directorsQuery(this.selector, reach), plan.to);
    if (found.length === 1) return;
    if (found.length > 1) {
      throw new AppError(
        'VALIDATION_FAILED',
        `--prometheus-selector ${this.selectorText} matches ${found.length} directors in Prometheus (${found
          .slice(0, 5)
          .map((sample) => describeDirector(sample.metric))
          .join(
            ', ',
          )}); their tables would be mixed. Start the agent with a selector naming this one, e.g. --prometheus-selector '${describeDirector(found[0]!.metric)}'.`,
        { field: 'prometheus-selector' },
      );
    }
    const anywhere = await this.client.query(directorsQuery([], reach), plan.to);
    const seen =
      anywhere.length === 0
        ? 'Prometheus has no ipvs_dashboard_up series at all in this range: add a scrape job for the agent\'s /metrics (README, "Long history from Prometheus").'
        : `It has ipvs_dashboard_up from ${anywhere
            .slice(0, 5)
            .map((sample) => describeDirector(sample.metric))
            .join(', ')}: start the agent with one of those as --prometheus-selector.`;
    throw new AppError(
      'PROMETHEUS_NO_SERIES',
      `--prometheus-selector ${this.selectorText} matches no series of this director in Prometheus for this range. ${seen}`,
    );
  }

  /** Every field of the service and of its real servers, each one query_range, taken in as they arrive. */
  private async fill(
    plan: RangePlan,
    key: ServiceKey,
    total: PointTable,
    destinations: Map<string, PointTable> | null,
  ): Promise<void> {
    const end = plan.prometheusEnd ?? plan.end;
    const jobs: Promise<void>[] = [];
    for (const field of pointFields) {
      for (const scope of destinations ? (['service', 'destination'] as const) : (['service'] as const)) {
        const query = fieldQuery(field, scope, key, this.selector, plan.rateWindowMs);
        jobs.push(
          this.client.queryRange(query, plan.start, end, plan.stepMs).then(async (series) => {
            // One answer at a time between turns of the event loop, so other requests go in between.
            await nextTurn();
            for (const one of series) {
              const table = scope === 'service' ? total : tableOf(destinations!, one, field);
              for (const [seconds, text] of one.values) {
                const value = Number(text);
                if (Number.isFinite(value)) table.put(Math.round(seconds * 1000), field, value);
              }
            }
          }),
        );
      }
    }
    await Promise.all(jobs);
  }
}

function tableOf(tables: Map<string, PointTable>, series: RangeSeries, field: PointField): PointTable {
  const [addressLabel, portLabel] =
    field === 'activeConns' || field === 'inactiveConns' ? realServerLabels.gauge : realServerLabels.counter;
  const did = destinationId({
    address: series.metric[addressLabel] ?? '',
    port: Number(series.metric[portLabel] ?? 0),
  });
  let table = tables.get(did);
  if (!table) {
    table = new PointTable();
    tables.set(did, table);
  }
  return table;
}
