import type { RequestHandler } from 'express';
import { prometheusContentType, renderMetrics } from '../metrics/index.js';
import type { AgentContext } from './agent-context.js';

/**
 * GET /metrics: a fresh read of the table so scrapes never lag the poll interval. When the backend fails,
 * the last good reading goes out with ipvs_dashboard_up 0, so alerts can tell "IPVS unreadable" from
 * "agent down".
 */
export function metricsRoute(context: AgentContext): RequestHandler {
  return async (_request, response) => {
    const { monitor } = context;
    const reading = await monitor.refresh().catch((error: unknown) => {
      if (monitor.current) return monitor.current;
      throw error;
    });
    response.setHeader('Content-Type', prometheusContentType);
    response.send(
      renderMetrics(reading.table, reading.totals, { backend: context.backend.kind, up: monitor.healthy }),
    );
  };
}
