import { Router } from 'express';
import {
  AppError,
  canonicalAddress,
  parseDestinationId,
  parseServiceId,
  type Connection,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import type { AgentContext } from '../agent-context.js';

const maxLimit = 1000;

function queryInt(value: unknown, field: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n > max) {
    throw new AppError('VALIDATION_FAILED', `${field}: must be a whole number 0-${max}`, { field });
  }
  return n;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new AppError('VALIDATION_FAILED', `${field}: give it once`, { field });
  return value;
}

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
    const sid = optionalString(request.query.service, 'service');
    const did = optionalString(request.query.destination, 'destination');
    const state = optionalString(request.query.state, 'state');
    const offset = queryInt(request.query.offset, 'offset', 0, 1e9);
    const limit = queryInt(request.query.limit, 'limit', 100, maxLimit);
    const service = sid === undefined ? undefined : parseServiceId(sid);
    const dest = did === undefined ? undefined : parseDestinationId(did);
    const matching = (await context.backend.connections()).filter(
      (c) =>
        (!service || belongsToService(c, service)) &&
        (!dest || (c.destPort === dest.port && canonicalAddress(c.destAddress) === dest.address)) &&
        (!state || c.state.toUpperCase() === state.toUpperCase()),
    );
    response.json({ total: matching.length, items: matching.slice(offset, offset + limit) });
  });
  return router;
}
