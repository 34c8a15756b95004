// A fleet change's steps on a peer director, through that director's own agent with the token from the
// fleet file: its dry run (POST /config?dryRun=1, or .../quiesce|unquiesce?dryRun=1 for a hold change), its
// change (the same request without dryRun, tagged X-Fleet-Change), its undo (POST /changes/<id>/revert)
// and the look-up of an apply that went unanswered (GET /changes?fleetChange=<id>). Every failure becomes
// the sentence shown for that director.
import {
  fleetChangeHeader,
  isHoldChange,
  restorePlanSchema,
  type ErrorBody,
  type FleetChangeBody,
  type RestorePlan,
} from '@ipvs-dashboard/shared';
import type { FleetPeer } from '../config/fleet-file.js';
import type { ApplyStep, LookupStep, PlanStep, UndoStep } from './fleet-change.js';
import { problemsOf } from './change-problems.js';
import { PeerError, peerRefusal, peerRequest, type PeerAnswer } from './peer-request.js';

/** A change of a big table takes a while on a busy director; a plan or an undo of it too. */
const changeTimeoutMs = 60_000;

function bodyOf(answer: PeerAnswer): unknown {
  try {
    return JSON.parse(answer.body.toString('utf8'));
  } catch {
    return null;
  }
}

const ok = (answer: PeerAnswer) => answer.status >= 200 && answer.status <= 299;

function refusal(peer: FleetPeer, answer: PeerAnswer): string[] {
  const body = bodyOf(answer) as Partial<ErrorBody> | null;
  if (answer.status === 401 || answer.status === 403 || !body?.error) return [peerRefusal(peer, answer)];
  return problemsOf(body.error, peerRefusal(peer, answer));
}

function planOf(peer: FleetPeer, answer: PeerAnswer): RestorePlan | string {
  const parsed = restorePlanSchema.safeParse(bodyOf(answer));
  return parsed.success
    ? parsed.data
    : `${peer.url} answered something that is not a plan: is it an ipvs-dashboard agent of this version?`;
}

const unreachable = (error: unknown) => (error instanceof PeerError ? error.message : String(error));

/** The request that makes `change` on an agent: restore lines to /config, a hold change to its route. */
function requestOf(change: FleetChangeBody): { path: string; body: { type: string; text: string } } {
  if (!isHoldChange(change))
    return { path: '/api/v1/config', body: { type: 'text/plain', text: change.text } };
  const { kind, service, server, weight } = change;
  return {
    path: `/api/v1/services/${encodeURIComponent(service)}/destinations/${encodeURIComponent(server)}/${kind}`,
    body: { type: 'application/json', text: JSON.stringify(weight === undefined ? {} : { weight }) },
  };
}

/** The change an agent recorded under a fleet change id (its undos aside), from GET /changes. */
function recordedChange(answer: PeerAnswer): string | null | undefined {
  const page = bodyOf(answer) as { items?: { id?: unknown; action?: unknown; status?: unknown }[] } | null;
  if (!Array.isArray(page?.items)) return undefined;
  const made = page.items.find((item) => item.action !== 'revert' && item.status === 'applied');
  return typeof made?.id === 'string' ? made.id : null;
}

export function peerChangeClient(peer: FleetPeer) {
  return {
    async plan(change: FleetChangeBody): Promise<PlanStep> {
      const { path, body } = requestOf(change);
      try {
        const answer = await peerRequest(
          peer,
          `${path}?dryRun=1`,
          { method: 'POST', body },
          { timeoutMs: changeTimeoutMs },
        );
        if (!ok(answer)) return { ok: false, problems: refusal(peer, answer) };
        const plan = planOf(peer, answer);
        const etag = answer.headers.etag;
        return typeof plan === 'string'
          ? { ok: false, problems: [plan] }
          : { ok: true, plan, etag: typeof etag === 'string' ? etag : null };
      } catch (error) {
        return { ok: false, problems: [unreachable(error)] };
      }
    },

    async apply(change: FleetChangeBody, fleetChange: string, ifMatch?: string): Promise<ApplyStep> {
      const { path, body } = requestOf(change);
      let answer: PeerAnswer;
      try {
        answer = await peerRequest(
          peer,
          path,
          {
            method: 'POST',
            body,
            headers: {
              [fleetChangeHeader]: fleetChange,
              ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
            },
          },
          { timeoutMs: changeTimeoutMs },
        );
      } catch (error) {
        const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
        // Refused before the request was taken: it cannot have applied. Anything else may have.
        const unanswered = cause?.code !== 'ECONNREFUSED';
        return { ok: false, reason: unreachable(error), unanswered };
      }
      if (!ok(answer)) return { ok: false, reason: refusal(peer, answer).join(' ') };
      if (isHoldChange(change)) {
        // A hold change answers the real server; the change it recorded is in X-Change-Id (none: no-op).
        const changeId = answer.headers['x-change-id'];
        return { ok: true, changeId: typeof changeId === 'string' ? changeId : null, plan: null };
      }
      const plan = planOf(peer, answer);
      if (typeof plan === 'string') return { ok: false, reason: plan, unanswered: true };
      return { ok: true, changeId: plan.changeId ?? null, plan };
    },

    async lookup(fleetChange: string): Promise<LookupStep> {
      try {
        const answer = await peerRequest(
          peer,
          `/api/v1/changes?fleetChange=${encodeURIComponent(fleetChange)}`,
          { method: 'GET' },
          { timeoutMs: changeTimeoutMs },
        );
        if (!ok(answer)) return { ok: false, reason: refusal(peer, answer).join(' ') };
        const changeId = recordedChange(answer);
        return changeId === undefined
          ? { ok: false, reason: `${peer.url} answered something that is not a change list` }
          : { ok: true, changeId };
      } catch (error) {
        return { ok: false, reason: unreachable(error) };
      }
    },

    async undo(changeId: string, fleetChange: string): Promise<UndoStep> {
      try {
        const answer = await peerRequest(
          peer,
          `/api/v1/changes/${encodeURIComponent(changeId)}/revert`,
          {
            method: 'POST',
            body: { type: 'application/json', text: '{}' },
            headers: { [fleetChangeHeader]: fleetChange },
          },
          { timeoutMs: changeTimeoutMs },
        );
        if (answer.status === 204) return { ok: true, changeId: null };
        if (!ok(answer)) return { ok: false, reason: refusal(peer, answer).join(' ') };
        const record = bodyOf(answer) as { id?: unknown } | null;
        return { ok: true, changeId: typeof record?.id === 'string' ? record.id : null };
      } catch (error) {
        return { ok: false, reason: unreachable(error) };
      }
    },
  };
}
