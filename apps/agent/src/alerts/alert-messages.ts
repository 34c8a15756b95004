// The events each source raises, with the sentence an operator reads and the details a receiver can use.
// One function per kind, so every source (health, changes, the journal, the drain tracker) says it the
// same way.
import type { AlertEvent, ChangeRecord, DrainFinished } from '@ipvs-dashboard/shared';

const ofServer = (service: string, server: string) => `Real server ${server} of ${service}`;

export function serverDownAlert(service: string, server: string, reason: string): AlertEvent {
  return {
    kind: 'server-down',
    service,
    server,
    message: `${ofServer(service, server)} is down (${reason}): its health check took it out of rotation.`,
    details: { reason },
  };
}

export function serverUpAlert(service: string, server: string, reason: string): AlertEvent {
  return {
    kind: 'server-up',
    service,
    server,
    message: `${ofServer(service, server)} is up again (${reason}): it returns to rotation unless another hold keeps it out.`,
    details: { reason },
  };
}

export interface DrainOutcome {
  /** What happened to the server once drained. */
  then: 'remove' | 'keep';
  /** `empty`: its connections reached 0; `deadline`: the deadline passed first. */
  reason: 'empty' | 'deadline';
  /** Connections (active + inactive + persistence templates) left when it ended. */
  remaining: number;
  startedAt: number;
}

/** For the drain tracker: call `alerts.notify(drainDoneAlert(...))` when a drain ends (not when cancelled). */
export function drainDoneAlert(service: string, server: string, outcome: DrainOutcome): AlertEvent {
  const ended =
    outcome.reason === 'empty'
      ? 'has no connections left'
      : `reached its deadline with ${outcome.remaining} connection(s) left`;
  const then = outcome.then === 'remove' ? 'it was removed' : 'it stays at weight 0';
  return {
    kind: 'drain-done',
    service,
    server,
    message: `${ofServer(service, server)} drained: it ${ended}; ${then}.`,
    details: { ...outcome },
  };
}

/** A drain's end as an alert; none when it was cancelled or its server went another way (nobody waits then). */
export function drainFinishedAlert(finished: DrainFinished): AlertEvent | null {
  if (finished.outcome === 'cancelled' || finished.outcome === 'gone') return null;
  return drainDoneAlert(finished.service, finished.server, {
    then: finished.then,
    reason: finished.outcome === 'deadline' ? 'deadline' : 'empty',
    remaining: finished.connectionsLeft,
    startedAt: Date.now() - finished.seconds * 1000,
  });
}

export function externalChangeAlert(record: ChangeRecord): AlertEvent {
  const service = record.services.length === 1 ? record.services[0] : null;
  const likely = record.actor.type === 'external' ? (record.actor.likely ?? []) : [];
  return {
    kind: 'external-change',
    service: service ?? null,
    message: `The IPVS table was changed outside the agent. ${record.summary}`,
    details: {
      changeId: record.id,
      services: record.services,
      commands: record.commands.slice(0, 20),
      likely,
    },
  };
}

export interface InterruptedJournal {
  id: string;
  summary: string;
  applied: number;
  total: number;
}

export function interruptedChangeAlert(change: InterruptedJournal): AlertEvent {
  return {
    kind: 'interrupted-change',
    message: `Change ${change.id} ("${change.summary}") was interrupted when the agent stopped, after ${change.applied} of ${change.total} steps: the table may be half-changed. Roll it back or resume it (POST /api/v1/changes/${change.id}/rollback or /resume, or the banner in the web app).`,
    details: { changeId: change.id, applied: change.applied, total: change.total },
  };
}

/**
 * A health check's transition as an alert, or null when it is no news: a new check's first verdict "up"
 * (the server was serving all along). A first verdict "down" is news: a server out of rotation.
 */
export function healthAlert(transition: {
  service: string;
  server: string;
  from: string;
  to: 'up' | 'down';
  reason: string;
}): AlertEvent | null {
  const { service, server, from, to, reason } = transition;
  if (to === 'up') return from === 'unknown' ? null : serverUpAlert(service, server, reason);
  return serverDownAlert(service, server, reason);
}
