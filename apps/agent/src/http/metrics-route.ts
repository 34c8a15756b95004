import type { RequestHandler } from 'express';
import { metricsText, prometheusContentType, type DigestCache, type LayoutCache } from '../metrics/index.js';
import type { AgentContext } from './agent-context.js';
import { streamText } from './stream-text.js';

/**
 * GET /metrics: a fresh read of the table so scrapes never lag the poll interval, streamed in slices so a
 * big table never stalls the API or the live feed. When the backend fails, the last good reading goes out
 * with ipvs_dashboard_up 0, so alerts can tell "IPVS unreadable" from "agent down".
 */
export function metricsRoute(context: AgentContext): RequestHandler {
  const cache: LayoutCache & { digest: DigestCache | null } = { layout: null, digest: null };
  return async (_request, response) => {
    const { monitor } = context;
    const reading = await monitor.refresh().catch((error: unknown) => {
      if (monitor.current) return monitor.current;
      throw error;
    });
    response.setHeader('Content-Type', prometheusContentType);
    await streamText(
      metricsText({
        table: reading.table,
        totals: reading.totals,
        backend: context.backend.kind,
        up: monitor.healthy,
        enabled: context.metricFamilies,
        generation: reading.generation,
        cache,
        status: context.status,
      }),
      response,
    );
  };
}
