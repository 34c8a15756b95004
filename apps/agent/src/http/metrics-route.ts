import type { RequestHandler } from 'express';
import { prometheusContentType, renderMetrics } from '../metrics/index.js';
import type { AgentContext } from './agent-context.js';

/** GET /metrics: a fresh read of the table so scrapes never lag the poll interval. */
export function metricsRoute(context: AgentContext): RequestHandler {
  return async (_request, response) => {
    const reading = await context.monitor.refresh('external');
    response.setHeader('Content-Type', prometheusContentType);
    response.send(
      renderMetrics(reading.table, reading.totals, {
        backend: context.backend.kind,
        up: context.monitor.healthy,
      }),
    );
  };
}
