import { Router } from 'express';
import {
  canonicalAddress,
  connectionsQuerySchema,
  parseOrThrow,
  parseDestinationId,
  parseServiceId,
  type Connection,
  type ConnectionsResponse,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import type { AgentContext } from '../agent-context.js';

/** /proc/net/ip_vs_conn prints the protocol upper case and, for fwmark templates, the mark as the "vaddr". */
function belongsToService(c: Connection, key: ServiceKey): boolean {
  if (key.protocol === 'fwmark') return c.template && c.virtualAddress === String(key.fwmark);
  return (
    c.protocol.toLowerCase() === key.protocol &&
    c.virtualPort === key.port &&
    canonicalAddress(c.virtualAddress) === canonicalAddress(key.address)
  );
}

export function connectionRoutes(context: AgentContext): Router {
  const router = Router();
  router.get('/connections', async (request, response) => {
    const query = parseOrThrow(connectionsQuerySchema, request.query);
    const { state, offset, limit } = query;
    const service = query.service === undefined ? undefined : parseServiceId(query.service);
    const dest = query.destination === undefined ? undefined : parseDestinationId(query.destination);
    const matching = (await context.backend.connections()).filter(
      (c) =>
        (!service || belongsToService(c, service)) &&
        (!dest || (c.destPort === dest.port && canonicalAddress(c.destAddress) === dest.address)) &&
        (!state || c.state.toUpperCase() === state.toUpperCase()),
    );
    response.json({
      total: matching.length,
      items: matching.slice(offset, offset + limit),
    } satisfies ConnectionsResponse);
  });
  return router;
}
