import { describe, expect, it } from 'vitest';
import { webhookRetrySchema, type ChangeRecord } from '@ipvs-dashboard/shared';
import {
  drainDoneAlert,
  externalChangeAlert,
  healthAlert,
  interruptedChangeAlert,
} from '../alert-messages.js';
import { isRetryableStatus, retryDelayMs } from '../retry-schedule.js';

describe('retry schedule', () => {
  it('doubles from the first delay and stops at the cap', () => {
    const retry = webhookRetrySchema.parse({ firstDelaySeconds: 1, maxDelaySeconds: 60 });
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n, retry))).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000,
    ]);
  });

  it('retries server errors, 408 and 429, not other client errors', () => {
    expect([500, 502, 503, 408, 429].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 422].some(isRetryableStatus)).toBe(false);
  });

  it('has defaults a receiver restart survives: 8 tries over about two minutes', () => {
    const retry = webhookRetrySchema.parse({});
    let total = 0;
    for (let n = 1; n < retry.maxAttempts; n++) total += retryDelayMs(n, retry);
    expect(total).toBe(1000 + 2000 + 4000 + 8000 + 16000 + 32000 + 60000);
  });
});

describe('alert events', () => {
  const t = { service: 'tcp:10.0.0.1:80', server: '10.0.1.2:80', reason: 'connect refused' };

  it('reports down from any state, up only when it was down (a new check passing is no news)', () => {
    expect(healthAlert({ ...t, from: 'unknown', to: 'down' })?.kind).toBe('server-down');
    expect(healthAlert({ ...t, from: 'up', to: 'down' })?.kind).toBe('server-down');
    expect(healthAlert({ ...t, from: 'down', to: 'up' })?.kind).toBe('server-up');
    expect(healthAlert({ ...t, from: 'unknown', to: 'up' })).toBeNull();
  });

  it('says how a drain ended', () => {
    const done = drainDoneAlert(t.service, t.server, {
      then: 'remove',
      reason: 'deadline',
      remaining: 4,
      startedAt: 1,
    });
    expect(done).toMatchObject({ kind: 'drain-done', service: t.service, server: t.server });
    expect(done.message).toContain('deadline with 4 connection(s) left');
    expect(done.message).toContain('removed');
  });

  it('names the change, its commands and its likely author for an external change', () => {
    const record = {
      id: 'c1',
      services: ['tcp:10.0.0.1:80'],
      summary: 'Seen, not made here: destination-changed',
      commands: ['ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 0'],
      actor: { type: 'external', likely: ['keepalived'] },
    } as unknown as ChangeRecord;
    const event = externalChangeAlert(record);
    expect(event).toMatchObject({
      kind: 'external-change',
      service: 'tcp:10.0.0.1:80',
      details: { changeId: 'c1', likely: ['keepalived'] },
    });
  });

  it('tells how to finish an interrupted change', () => {
    const event = interruptedChangeAlert({ id: 'c9', summary: 'restore', applied: 3, total: 10 });
    expect(event.message).toContain('/api/v1/changes/c9/rollback');
    expect(event.details).toEqual({ changeId: 'c9', applied: 3, total: 10 });
  });
});
