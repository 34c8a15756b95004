import type { LabelMatcher } from './promql.js';
import { LongHistory } from './long-history.js';
import { PrometheusClient } from './prometheus-client.js';

/** Long history when the agent was given a Prometheus (`--prometheus-url`), else null: ranges stay live-only. */
export function longHistoryFor(
  prometheus: { url: string; selector: LabelMatcher[] } | null,
): LongHistory | null {
  return prometheus ? new LongHistory(new PrometheusClient(prometheus.url), prometheus.selector) : null;
}
