import { Router, type Request } from 'express';
import {
  AppError,
  fleetChangeRequestSchema,
  parseOrThrow,
  type ErrorBody,
  type FleetChangeAnswer,
  type FleetChangeBody,
} from '@ipvs-dashboard/shared';
import { newChangeId, revertChange } from '../../changes/index.js';
import {
  peerChangeClient,
  problemsOf,
  runFleetChange,
  type FleetChangeClient,
  type FleetReader,
} from '../../fleet/index.js';
import { actorOf, generationTag, parseIfMatch, type AgentContext } from '../agent-context.js';
import { restoreChange } from '../restore/restore-change.js';
import { isDryRun } from './config-routes.js';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * This director's own steps, in process: the same merge POST /config makes (restoreChange), dry run and
 * undo through this agent's pipeline, attributed to the caller of the fleet change.
 */
function localSteps(context: AgentContext, request: Request) {
  const actor = actorOf(request);
  const merge = (change: FleetChangeBody) =>
    restoreChange(context.configText, { mode: 'merge', text: change.text, actor, confirmed: false });
  return {
    async plan(change: FleetChangeBody) {
      try {
        const restore = merge(change);
        await context.pipeline.plan(restore.change);
        const etag = generationTag(context.monitor.currentGeneration);
        return { ok: true as const, plan: restore.answer(), etag };
      } catch (error) {
        const body: Partial<ErrorBody['error']> | undefined =
          error instanceof AppError ? { message: error.message, details: error.details } : undefined;
        return { ok: false as const, problems: problemsOf(body, messageOf(error)) };
      }
    },
    async apply(change: FleetChangeBody, fleetChange: string, ifMatch?: string) {
      try {
        const restore = merge(change);
        const expected = ifMatch === undefined ? null : parseIfMatch(ifMatch);
        if (ifMatch !== undefined && expected === null)
          throw new AppError('VALIDATION_FAILED', `ifMatch "${ifMatch}" is not an ETag.`);
        const result = await context.pipeline.run({ ...restore.change, ifMatch: expected, fleetChange });
        return {
          ok: true as const,
          changeId: result.record?.id ?? null,
          plan: restore.answer(result.record?.id),
        };
      } catch (error) {
        return { ok: false as const, reason: messageOf(error) };
      }
    },
    async undo(changeId: string, fleetChange: string) {
      try {
        const deps = {
          backend: context.backend,
          pipeline: context.pipeline,
          journal: context.journal,
          log: context.changes,
          holds: context.holds,
        };
        const record = await revertChange(deps, changeId, false, actor, fleetChange);
        return { ok: true as const, changeId: record?.id ?? null };
      } catch (error) {
        return { ok: false as const, reason: messageOf(error) };
      }
    },
  };
}

/** Each chosen director's steps: this agent's own in process, a peer's through its agent. */
function clientFor(context: AgentContext, fleet: FleetReader, request: Request): FleetChangeClient {
  const local = localSteps(context, request);
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
