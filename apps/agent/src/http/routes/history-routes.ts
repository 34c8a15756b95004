import { Router } from 'express';
import { AppError, parseServiceId, serviceId } from '@ipvs-dashboard/shared';
import type { AgentContext } from '../agent-context.js';

/** GET /history: the poller's rolling series (agent-computed rates + connection gauges), oldest first. */
export function historyRoutes(context: AgentContext): Router {
  const router = Router();
  router.get('/history', (request, response) => {
    const raw = request.query.service;
    if (raw !== undefined && typeof raw !== 'string') {
      throw new AppError('VALIDATION_FAILED', 'service: give it once', { field: 'service' });
    }
    // Canonicalise so "tcp:[2001:DB8::1]:80" finds the series stored under the canonical id.
    const sid = raw === undefined ? undefined : serviceId(parseServiceId(raw));
    response.json(context.monitor.history.query(context.intervalMs, sid));
  });
  return router;
}
