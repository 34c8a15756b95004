import { Router, type Request } from 'express';
import {
  AppError,
  fleetChangeRequestSchema,
  parseOrThrow,
  type FleetChangeAnswer,
} from '@ipvs-dashboard/shared';
import { newChangeId } from '../../changes/index.js';
import {
  peerChangeClient,
  runFleetChange,
  type FleetChangeClient,
  type FleetReader,
} from '../../fleet/index.js';
import { actorOf, type AgentContext } from '../agent-context.js';
import { isDryRun } from './config-routes.js';
import { localSteps } from './fleet-local-steps.js';

/** Each chosen director's steps: this agent's own in process, a peer's through its agent. */
function clientFor(context: AgentContext, fleet: FleetReader, request: Request): FleetChangeClient {
  const local = localSteps(context, actorOf(request));
  const stepsOf = (name: string) => {
    if (name === fleet.settings.self.name) return local;
    const peer = fleet.peer(name);
    if (!peer) throw new Error(`no director ${name}`); // checked before the change starts
    return peerChangeClient(peer);
  };
  return {
    plan: (name, change) => stepsOf(name).plan(change),
    apply: (name, change, id, ifMatch) => stepsOf(name).apply(change, id, ifMatch),
    undo: (name, changeId, id) => stepsOf(name).undo(changeId, id),
    lookup: (name, id) => stepsOf(name).lookup(id),
  };
}

function statusOf(answer: FleetChangeAnswer): number {
  return answer.outcome === 'planned' || answer.outcome === 'applied' ? 200 : 409;
}

/** POST /fleet/changes: one change planned, then applied, on several directors (docs/api.md "Fleet changes"). */
export function fleetChangeRoutes(context: AgentContext): Router {
  const router = Router();

  router.post('/fleet/changes', async (request, response) => {
    const fleet = context.fleet;
    if (!fleet) {
      throw new AppError(
        'NOT_FOUND',
        'No fleet is configured: start the agent with --fleet FILE (docs/api.md "Fleet").',
      );
    }
    const dryRun = isDryRun(request.query.dryRun);
    const body = parseOrThrow(fleetChangeRequestSchema, request.body);
    const known = [fleet.settings.self.name, ...fleet.settings.peers.map((peer) => peer.name)];
    const unknown = body.directors.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `No director ${unknown.join(', ')} in the fleet file; its directors are ${known.join(', ')}.`,
        {
          field: 'directors',
        },
      );
    }
    const ifMatch = Object.fromEntries(
      Object.entries(body.ifMatch ?? {}).map(([name, tag]) => [name, String(tag)] as const),
    );
    const answer = await runFleetChange(clientFor(context, fleet, request), {
      id: `fleet-${newChangeId()}`,
      directors: body.directors,
      change: body.change,
      ifMatch,
      dryRun,
    });
    if (statusOf(answer) === 200) {
      response.json(answer);
      return;
    }
    // A refusal keeps the error shape every client knows; the whole answer is its details.
    response
      .status(statusOf(answer))
      .json({ error: { code: 'FLEET_CHANGE_REFUSED', message: answer.summary, details: answer } });
  });

  return router;
}
