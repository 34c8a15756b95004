import { Router } from 'express';
import {
  AppError,
  historyQuerySchema,
  historyRangeQuerySchema,
  parseOrThrow,
  parseServiceId,
  rangeBounds,
  serviceId,
} from '@ipvs-dashboard/shared';
import type { AgentContext } from '../agent-context.js';

/**
 * GET /history: the poller's rolling series (agent-computed rates + connection gauges), oldest first.
 * GET /history/range: longer ranges, from Prometheus up to where that series starts (prometheus/).
 */
export function historyRoutes(context: AgentContext): Router {
  const router = Router();
  router.get('/history', (request, response) => {
    const query = parseOrThrow(historyQuerySchema, request.query);
    // Canonicalise so "tcp:[2001:DB8::1]:80" finds the series stored under the canonical id.
    const sid = query.service === undefined ? undefined : serviceId(parseServiceId(query.service));
    response.json(
      context.monitor.history.query(context.intervalMs, sid, {
        ...(query.points === undefined ? {} : { points: query.points }),
        destinations: query.destinations === '1',
      }),
    );
  });
  router.get('/history/range', async (request, response) => {
    const query = parseOrThrow(historyRangeQuerySchema, request.query);
    const sid = serviceId(parseServiceId(query.service));
    if (!context.longHistory) throw new AppError('PROMETHEUS_NOT_CONFIGURED');
    const live = context.monitor.history.query(context.intervalMs, sid);
    response.json(
      await context.longHistory.range(sid, rangeBounds(query, Date.now()), live, query.destinations === '1'),
    );
  });
  return router;
}
