import { describe, expect, it } from 'vitest';
import { AppError, type DrainProgress } from '@ipvs-dashboard/shared';
import { refuseWhileDraining } from '../drain-refusal.js';

const service = { protocol: 'tcp', address: '10.0.0.1', port: 80 } as const;
const server = { address: '10.0.1.1', port: 80 };
const startedAt = 1_000_000;

const drain = {
  then: 'remove',
  deadlineSeconds: 600,
  startedAt,
  by: 'alice',
} as DrainProgress;

const lookup = (key: string | null) => ({
  progressOf: (asked: string) => (asked === key ? drain : null),
});

function refusal(attempt: 'unquiesce' | 'weight'): AppError {
  try {
    refuseWhileDraining(lookup('tcp:10.0.0.1:80 10.0.1.1:80'), service, server, attempt, startedAt + 12_400);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('refuseWhileDraining', () => {
  it('lets a server no drain follows through', () => {
    expect(() => refuseWhileDraining(lookup(null), service, server, 'unquiesce')).not.toThrow();
    expect(() =>
      refuseWhileDraining(lookup('tcp:10.0.0.1:80 10.0.1.2:80'), service, server, 'weight'),
    ).not.toThrow();
  });

  it('refuses with 409 HELD_BY_DRAIN naming the drain, who started it, and the request that cancels it', () => {
    const error = refusal('unquiesce');
    expect(error.code).toBe('HELD_BY_DRAIN');
    expect(error.status).toBe(409);
    expect(error.message).toBe(
      '10.0.1.1:80 in tcp:10.0.0.1:80 is being drained (then remove it, deadline 600 s, started by alice 12 s ago). An unquiesce would send it new connections while the drain waits for its last ones; nothing was changed. Cancel the drain first: DELETE /api/v1/services/tcp%3A10.0.0.1%3A80/destinations/10.0.1.1%3A80/drain.',
    );
    expect(error.details).toEqual({ drain: { then: 'remove', by: 'alice', startedAt } });
    expect(refusal('weight').message).toContain('A weight edit would send it new connections');
  });
});
