// A fleet change's steps on a peer director, through that director's own agent with the token from the
// fleet file: its dry run (POST /config?dryRun=1), its change (POST /config, tagged X-Fleet-Change) and its
// undo (POST /changes/<id>/revert). Every failure becomes the sentence shown for that director.
import {
  fleetChangeHeader,
  restorePlanSchema,
  type ErrorBody,
  type FleetChangeBody,
  type RestorePlan,
} from '@ipvs-dashboard/shared';
import type { FleetPeer } from '../config/fleet-file.js';
import type { ApplyStep, PlanStep, UndoStep } from './fleet-change.js';
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

export function peerChangeClient(peer: FleetPeer) {
  const text = (change: FleetChangeBody) => ({ type: 'text/plain', text: change.text });
  return {
    async plan(change: FleetChangeBody): Promise<PlanStep> {
      try {
        const answer = await peerRequest(
          peer,
          '/api/v1/config?dryRun=1',
          { method: 'POST', body: text(change) },
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
      let answer: PeerAnswer;
      try {
        answer = await peerRequest(
          peer,
          '/api/v1/config',
          {
            method: 'POST',
            body: text(change),
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
      const plan = planOf(peer, answer);
      if (typeof plan === 'string') return { ok: false, reason: plan, unanswered: true };
      return { ok: true, changeId: plan.changeId ?? null, plan };
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
