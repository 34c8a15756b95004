import { Router } from 'express';
import { AppError, parseOrThrow, type DestinationKey, type ServiceKey } from '@ipvs-dashboard/shared';
import { z } from 'zod';
import type { AgentContext } from '../agent-context.js';
import { keysOf } from './destination-routes.js';

interface SimulatedFailures {
  setFailing(key: ServiceKey, dest: DestinationKey, failing: boolean): void;
}

function hasSimulatedFailures(backend: object): backend is SimulatedFailures {
  return typeof (backend as Partial<SimulatedFailures>).setFailing === 'function';
}

const failingSchema = z.strictObject({ failing: z.boolean({ error: 'must be true or false' }) });

/**
 * Only with the simulated backend: make the simulated server behind a real server go down or come back
 * (its traffic is refused, its simulated check fails), to see the health checks act without a network.
 */
export function simulationRoutes(context: AgentContext): Router {
  const router = Router();
  router.put('/simulation/services/:sid/destinations/:did/failing', (request, response) => {
    const { backend } = context;
    if (backend.kind !== 'simulated' || !hasSimulatedFailures(backend)) {
      throw new AppError('NOT_FOUND', 'Only the simulated backend has simulated servers to fail.');
    }
    const { failing } = parseOrThrow(failingSchema, request.body);
    const { key, dest } = keysOf(request);
    backend.setFailing(key, dest, failing);
    response.json({ failing });
  });
  return router;
}
