import { Router, type Request } from 'express';
import {
  AppError,
  checkDestinationForService,
  destinationId,
  parseOrThrow,
  parseServiceId,
  sameDestinationKey,
  serviceId,
  servicePolicySchema,
  type ServicePolicy,
  type ServiceWithDestinations,
  type SorryServer,
} from '@ipvs-dashboard/shared';
import type { AgentContext } from '../agent-context.js';
import { findService } from './service-routes.js';

const sameServer = (a: SorryServer | undefined, b: SorryServer | undefined) =>
  a !== undefined && b !== undefined && sameDestinationKey(a, b) && a.forwarding === b.forwarding;

/** A sorry server must suit the service as any real server does, and be a server of its own. */
function checkSorryServer(service: ServiceWithDestinations, sorry: SorryServer, current?: SorryServer) {
  try {
    checkDestinationForService(service.key, { ...sorry, forwarding: sorry.forwarding ?? 'route' });
  } catch (error) {
    if (error instanceof AppError && error.field) {
      throw new AppError('VALIDATION_FAILED', `sorryServer.${error.message}`, {
        field: `sorryServer.${error.field}`,
      });
    }
    throw error;
  }
  const taken = service.destinations.some((d) => sameDestinationKey(d, sorry));
  if (taken && !(current && sameDestinationKey(current, sorry))) {
    throw new AppError(
      'VALIDATION_FAILED',
      `sorryServer: ${destinationId(sorry)} is already a real server of this service; a sorry server stands in for them, so give it an address or port of its own.`,
      { field: 'sorryServer.address' },
    );
  }
}

/**
 * A service's return policy (docs/api.md "Slow start and sorry server"): GET answers it ({} when none is
 * set), PUT replaces it, DELETE removes it. A sorry server that is no longer named leaves the table at once
 * (recorded as the agent's change); the new one comes in when no real server is up. Settings, not table
 * changes: they are not in the change log themselves.
 */
export function policyRoutes(context: AgentContext): Router {
  const router = Router();
  const path = '/services/:sid/policy';
  const sidOf = async (request: Request) => {
    const key = parseServiceId((request.params as Record<string, string>).sid ?? '');
    return { sid: serviceId(key), service: await findService(context, key) };
  };
  const replace = async (sid: string, policy: ServicePolicy | null) => {
    const before = context.policies.get(sid)?.sorryServer;
    if (before && !sameServer(before, policy?.sorryServer ?? undefined))
      await context.sorry.withdraw(sid, before);
    await context.policies.set(sid, policy);
    context.sorry.schedule();
    await context.sorry.settled();
  };

  router.get(path, async (request, response) => {
    const { sid } = await sidOf(request);
    response.json(context.policies.get(sid) ?? {});
  });

  router.put(path, async (request, response) => {
    const policy = parseOrThrow(servicePolicySchema, request.body);
    const { sid, service } = await sidOf(request);
    if (policy.sorryServer)
      checkSorryServer(service, policy.sorryServer, context.policies.get(sid)?.sorryServer);
    await replace(sid, policy);
    response.json(context.policies.get(sid) ?? {});
  });

  router.delete(path, async (request, response) => {
    const { sid } = await sidOf(request);
    await replace(sid, null);
    response.status(204).end();
  });
  return router;
}
