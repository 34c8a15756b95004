import { Router } from 'express';
import { connectionsQuerySchema, parseOrThrow, type ConnectionsResponse } from '@ipvs-dashboard/shared';
import type { AgentContext } from '../agent-context.js';
import { queryConnections } from '../connections/index.js';

export function connectionRoutes(context: AgentContext): Router {
  const router = Router();
  router.get('/connections', async (request, response) => {
    const query = parseOrThrow(connectionsQuerySchema, request.query);
    // The table is read only when a service filter needs it (to tell a fwmark service's connections).
    const table = query.service === undefined ? null : await context.backend.snapshot();
    const answer = queryConnections(await context.backend.connections(), table, query);
    response.json(answer satisfies ConnectionsResponse);
  });
  return router;
}
