import { Router, type Request } from 'express';
import {
  AppError,
  destinationId,
  healthCheckSchema,
  parseOrThrow,
  parseServiceId,
  sameDestinationKey,
  serviceId,
  type HealthCheck,
} from '@ipvs-dashboard/shared';
import type { AgentContext } from '../agent-context.js';
import { keysOf } from './destination-routes.js';
import { findServiceRow } from './service-routes.js';

/**
 * The ids a check route names, once the service (and real server) are known to exist. The undecorated
 * row: decorating every real server's holds and health only to find one took 10 s at 10,000 (bench:checks).
 */
async function placeOf(context: AgentContext, request: Request, withDestination: boolean) {
  if (!withDestination) {
    const key = parseServiceId((request.params as Record<string, string>).sid ?? '');
    await findServiceRow(context, key);
    return { sid: serviceId(key), did: null };
  }
  const { key, dest } = keysOf(request);
  const service = await findServiceRow(context, key);
  if (!service.destinations.some((d) => sameDestinationKey(d, dest)))
    throw new AppError('DESTINATION_NOT_FOUND');
  return { sid: serviceId(key), did: destinationId(dest) };
}

function stored(context: AgentContext, sid: string, did: string | null): HealthCheck | undefined {
  return did === null ? context.checks.serviceCheck(sid) : context.checks.destinationCheck(sid, did);
}

/**
 * Health check settings (docs/api.md "Health checks"): PUT sets the check of a service (all its real
 * servers) or one real server's own, which wins over its service's; GET reads what is set there; DELETE
 * removes it (a real server held out by a check that no longer applies is put back). Checks start, retime
 * or stop at once; they are not table changes, so they are not in the change log.
 */
export function checkRoutes(context: AgentContext): Router {
  const router = Router();
  const paths = [
    { path: '/services/:sid/check', withDestination: false },
    { path: '/services/:sid/destinations/:did/check', withDestination: true },
  ];
  for (const { path, withDestination } of paths) {
    router.get(path, async (request, response) => {
      const { sid, did } = await placeOf(context, request, withDestination);
      const check = stored(context, sid, did);
      if (!check) throw new AppError('CHECK_NOT_SET');
      response.json(check);
    });

    router.put(path, async (request, response) => {
      const check = parseOrThrow(healthCheckSchema, request.body);
      const { sid, did } = await placeOf(context, request, withDestination);
      await context.checks.set(sid, did, check);
      response.json(check);
    });

    router.delete(path, async (request, response) => {
      const { sid, did } = await placeOf(context, request, withDestination);
      if (!stored(context, sid, did)) throw new AppError('CHECK_NOT_SET');
      await context.checks.set(sid, did, null);
      response.status(204).end();
    });
  }
  return router;
}
