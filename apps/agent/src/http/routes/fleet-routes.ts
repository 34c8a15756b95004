import { Router, type Request } from 'express';
import { AppError } from '@ipvs-dashboard/shared';
import { PeerError, peerGet, type FleetReader } from '../../fleet/index.js';
import { FleetHistory } from '../../prometheus/index.js';
import type { AgentContext } from '../agent-context.js';

/** Headers of a peer's answer worth passing on: what the body is and which table generation it shows. */
const passedHeaders = ['content-type', 'etag', 'x-change-id'] as const;

function fleetOf(context: AgentContext): FleetReader {
  if (!context.fleet) {
    throw new AppError(
      'NOT_FOUND',
      'No fleet is configured: start the agent with --fleet FILE (docs/api.md "Fleet").',
    );
  }
  return context.fleet;
}

/** The peer path of `/fleet/<name>/api/v1/<rest>?<query>`, as the browser sent it (still encoded). */
function peerPath(request: Request, name: string): string {
  const prefix = `/fleet/${encodeURIComponent(name)}`;
  const url = request.url;
  return url.startsWith(prefix) ? url.slice(prefix.length) : url;
}

/** The sparklines' source, made on first use from --prometheus-url's client and the fleet file. */
const fleetHistories = new WeakMap<AgentContext, FleetHistory>();

function fleetHistoryOf(context: AgentContext): FleetHistory {
  const fleet = fleetOf(context);
  if (!context.longHistory) {
    throw new AppError(
      'PROMETHEUS_NOT_CONFIGURED',
      'The Fleet page\'s 1-hour lines come from Prometheus: start this agent with --prometheus-url http://<prometheus>:9090, a Prometheus that scrapes every director\'s /metrics (docs/api.md "Fleet").',
    );
  }
  let history = fleetHistories.get(context);
  if (!history) {
    history = new FleetHistory(context.longHistory.client, context.longHistory.selector, fleet.settings);
    fleetHistories.set(context, history);
  }
  return history;
}

/** GET /fleet and the read-only passthrough to a peer's API (docs/api.md "Fleet"). */
export function fleetRoutes(context: AgentContext): Router {
  const router = Router();

  router.get('/fleet', async (_request, response) => {
    response.json(await fleetOf(context).status());
  });

  router.get('/fleet/history', async (_request, response) => {
    response.json(await fleetHistoryOf(context).lastHour(Date.now()));
  });

  router.all('/fleet/:name/*rest', async (request, response) => {
    const fleet = fleetOf(context);
    const name = request.params.name;
    if (request.method !== 'GET') {
      throw new AppError(
        'VALIDATION_FAILED',
        `The fleet passthrough only reads (GET). To change ${name}, POST /api/v1/fleet/changes {"directors":["${name}"],"change":{"text":"<ipvsadm lines>"}} (docs/api.md "Fleet changes"), or make the change on ${name}'s own agent.`,
      );
    }
    if (name === fleet.settings.self.name) {
      throw new AppError('NOT_FOUND', `"${name}" is this agent: ask /api/v1/... directly.`);
    }
    const peer = fleet.peer(name);
    if (!peer) {
      const names = fleet.settings.peers.map((p) => p.name).join(', ') || '(none)';
      throw new AppError('NOT_FOUND', `No director "${name}" in the fleet file; its peers are ${names}.`);
    }
    const path = peerPath(request, name);
    if (!path.startsWith('/api/v1/') || path.startsWith('/api/v1/fleet')) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Ask /api/v1/fleet/${name}/api/v1/<path> for one of ${name}'s own reads (not its fleet).`,
      );
    }
    try {
      const answer = await peerGet(peer, path, { timeoutMs: fleet.timeoutMs * 5 });
      for (const header of passedHeaders) {
        const value = answer.headers[header];
        if (typeof value === 'string') response.setHeader(header, value);
      }
      response.setHeader('X-Fleet-Director', name);
      response.status(answer.status).send(answer.body);
    } catch (error) {
      if (!(error instanceof PeerError)) throw error;
      throw new AppError('PEER_UNREACHABLE', `${name}: ${error.message}.`, { cause: error });
    }
  });

  return router;
}
