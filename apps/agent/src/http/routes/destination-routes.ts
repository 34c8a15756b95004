import { Router, type Request } from 'express';
import {
  AppError,
  checkDestinationForService,
  checkDestinationSettings,
  destinationInputSchema,
  destinationSettingsPatchSchema,
  parseDestinationId,
  parseOrThrow,
  parseServiceId,
  sameDestinationKey,
  sameDestinationSettings,
  serviceId,
  type Destination,
  type DestinationInput,
  type DestinationKey,
  type SavableDestination,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import {
  newChangeId,
  realServerLabel,
  savableDestination,
  theDestination,
  theService,
} from '../../changes/index.js';
import { refuseWhileDraining } from '../../drain/index.js';
import { mergeDestination } from '../../ipvs/backend/read-modify-write.js';
import { runChange, type AgentContext } from '../agent-context.js';
import { findService } from './service-routes.js';

/** A real server's settings as an edit needs them (every setting: ipvsadm -e replaces them all). */
export const inputOf: (d: Destination | SavableDestination) => DestinationInput = savableDestination;

export function keysOf(request: Request): { key: ServiceKey; dest: DestinationKey } {
  const params = request.params as Record<string, string>;
  return { key: parseServiceId(params.sid ?? ''), dest: parseDestinationId(params.did ?? '') };
}

export async function findDestination(
  context: AgentContext,
  key: ServiceKey,
  dest: DestinationKey,
): Promise<Destination> {
  const found = (await context.backend.listDestinations(key)).find((d) => sameDestinationKey(d, dest));
  if (!found) throw new AppError('DESTINATION_NOT_FOUND');
  return context.status.decorate(serviceId(key), found);
}

export function destinationRoutes(context: AgentContext): Router {
  const router = Router();

  router.get('/services/:sid/destinations', async (request, response) => {
    response.json((await findService(context, parseServiceId(request.params.sid))).destinations);
  });

  router.get('/services/:sid/destinations/:did', async (request, response) => {
    const { key, dest } = keysOf(request);
    const found = (await findService(context, key)).destinations.find((d) => sameDestinationKey(d, dest));
    if (!found) throw new AppError('DESTINATION_NOT_FOUND');
    response.json(found);
  });

  router.post('/services/:sid/destinations', async (request, response) => {
    const key = parseServiceId(request.params.sid);
    const input = parseOrThrow(destinationInputSchema, request.body);
    checkDestinationForService(key, input);
    // With slow start the new server comes in at the ramp's first weight and ramps up from there.
    const ramp = context.returns.prepareReturn(key);
    const first = ramp ? ramp.firstWeight(input.weight) : input.weight;
    const summary = `Added real server ${realServerLabel(key, input)} (weight ${input.weight}, ${input.forwarding})`;
    const { record } = await runChange(context, request, response, {
      action: 'add-destination',
      scope: [key],
      plan(before) {
        theService(before);
        return [{ kind: 'add-destination', service: key, destination: { ...input, weight: first } }];
      },
      summary: () => (first === input.weight ? summary : `${summary}, starting at weight ${first}`),
    });
    if (ramp && record && first !== input.weight) {
      await context.returns.start({
        key,
        dest: input,
        id: newChangeId(), // after the add's: the ramp's record follows it
        from: first,
        target: input.weight,
        actor: record.actor,
        action: 'slow-start',
        lead: `${summary}: ramped up from weight ${first}`,
        firstCommand: null,
      });
    }
    response.status(201).json(await findDestination(context, key, input));
  });

  router.patch('/services/:sid/destinations/:did', async (request, response) => {
    const { key, dest } = keysOf(request);
    const patch = parseOrThrow(destinationSettingsPatchSchema, request.body);
    await runChange(context, request, response, {
      action: 'edit-destination',
      scope: [key],
      plan(before) {
        const current = theDestination(before, dest);
        const merged = mergeDestination(inputOf(current), patch);
        checkDestinationSettings(merged);
        // Only a new forwarding method is checked against the service: a real server made elsewhere
        // (keepalived, a netlink tool) on another port keeps its weight and threshold edits.
        if (merged.forwarding !== current.forwarding) checkDestinationForService(key, merged);
        if (sameDestinationSettings(current, merged)) return [];
        if (merged.weight !== current.weight) refuseWhileDraining(context.drains, key, dest, 'weight');
        return [{ kind: 'edit-destination', service: key, destination: merged }];
      },
      summary: (before) => {
        const old = theDestination(before, dest) as unknown as Record<string, unknown>;
        const fields = Object.entries(patch)
          .filter(([name, value]) => old[name] !== value)
          .map(([name, value]) => `${name} ${String(old[name])} -> ${String(value)}`);
        return `Edited real server ${realServerLabel(key, dest)}${fields.length ? `: ${fields.join(', ')}` : ''}`;
      },
    });
    response.json(await findDestination(context, key, dest));
  });

  router.delete('/services/:sid/destinations/:did', async (request, response) => {
    const { key, dest } = keysOf(request);
    await runChange(context, request, response, {
      action: 'delete-destination',
      scope: [key],
      plan(before) {
        theDestination(before, dest);
        return [{ kind: 'delete-destination', service: key, destination: dest }];
      },
      summary: () => `Removed real server ${realServerLabel(key, dest)}`,
    });
    response.status(204).end();
  });

  return router;
}
