import type { ServiceWithDestinations, Totals } from '@ipvs-dashboard/shared';
import { alertingText, type RowStatusLookup } from './alerting-families.js';
import { dashboardText } from './dashboard-families.js';
import { nodeExporterText, type LayoutCache } from './node-exporter-families.js';
import { familyHeader, formatLabels } from './prometheus-text.js';
import type { DigestCache } from './table-digest.js';

export interface MetricsInput {
  table: readonly ServiceWithDestinations[];
  totals: Totals;
  backend: string;
  /** False while the backend does not answer (the table is then the last good reading). */
  up: boolean;
  /** Opt-in families (parseMetricSelection); node_ipvs_* and ipvs_dashboard_up are always there. */
  enabled: ReadonlySet<string>;
  /** The reading's table generation and a cache kept between scrapes: the row layout is reused while the
   * generation holds. Without them every call builds it anew. */
  generation?: number;
  cache?: LayoutCache & { digest?: DigestCache | null };
  /** Holds and health per real server, for the alerting families; without it only the digest is served. */
  status?: RowStatusLookup;
}

/**
 * The /metrics body as a sequence of pieces: text, and '' where the caller may pause (between rows while
 * building, sorting or writing), so a 1,000 x 10 table never holds the event loop in one piece.
 */
export function* metricsText(input: MetricsInput): Generator<string> {
  yield* nodeExporterText(input.table, input.totals, input.cache, input.generation);
  yield* dashboardText(input.table, input.enabled);
  yield* alertingText(input);
  const labels = formatLabels([['backend', input.backend]]);
  yield `${familyHeader('ipvs_dashboard_up', '1 when the last read of the IPVS table succeeded.', 'gauge')}ipvs_dashboard_up{${labels}} ${input.up ? 1 : 0}\n`;
}

/** The whole body in one string (tests; the HTTP route streams metricsText instead). */
export function renderMetrics(input: MetricsInput): string {
  let text = '';
  for (const piece of metricsText(input)) text += piece;
  return text;
}
