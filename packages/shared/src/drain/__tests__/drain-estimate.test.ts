import { describe, expect, it } from 'vitest';
import { declinePerSecond, drainVerdict, estimateEnd, leftOf, PACE_WINDOW_MS } from '../drain-estimate.js';
import { drainRequestSchema } from '../drain-request.js';
import { drainWarning } from '../drain-warning.js';
import { drainCommands } from '../drain-commands.js';

const T0 = 1_765_000_000_000;

describe('what is left and how fast it goes', () => {
  it('counts connections, inactive ones and persistence templates', () => {
    expect(leftOf({ active: 3, inactive: 5, templates: 7 })).toBe(15);
  });

  it('measures the decline from the oldest reading inside the window to the newest', () => {
    const points = [
      { at: T0 - 60_000, left: 500 }, // outside the window: ignored
      { at: T0 - 20_000, left: 100 },
      { at: T0 - 10_000, left: 90 },
      { at: T0, left: 60 },
    ];
    expect(declinePerSecond(points)).toBe(2);
  });

  it('is negative while the count grows, null without a second between readings', () => {
    expect(
      declinePerSecond([
        { at: T0 - 5000, left: 10 },
        { at: T0, left: 20 },
      ]),
    ).toBe(-2);
    expect(
      declinePerSecond([
        { at: T0 - 500, left: 10 },
        { at: T0, left: 5 },
      ]),
    ).toBeNull();
    expect(declinePerSecond([])).toBeNull();
  });

  it('smooths the bursts in which TIME_WAIT entries leave', () => {
    const points = Array.from({ length: 31 }, (_, i) => ({
      at: T0 - PACE_WINDOW_MS + i * 1000,
      left: 300 - Math.floor(i / 10) * 100, // 100 leave every 10 s
    }));
    expect(declinePerSecond(points)).toBe(10);
  });
});

describe('the estimate', () => {
  it('is left / pace when that ends before the deadline', () => {
    expect(estimateEnd(60, 2, T0, T0 + 120_000)).toEqual({ secondsLeft: 30, endsBy: 'drained' });
  });

  it('is the time to the deadline when the pace would take longer', () => {
    expect(estimateEnd(600, 2, T0, T0 + 120_000)).toEqual({ secondsLeft: 120, endsBy: 'deadline' });
  });

  it('has no figure while nothing declines (templates renewed by returning clients)', () => {
    expect(estimateEnd(10, 0, T0, T0 + 60_000)).toEqual({ secondsLeft: null, endsBy: 'deadline' });
    expect(estimateEnd(10, -1, T0, T0 + 60_000)).toEqual({ secondsLeft: null, endsBy: 'deadline' });
    expect(estimateEnd(10, null, T0, T0 + 60_000)).toEqual({ secondsLeft: null, endsBy: 'deadline' });
  });

  it('is 0 once nothing is left', () => {
    expect(estimateEnd(0, null, T0, T0 + 60_000)).toEqual({ secondsLeft: 0, endsBy: 'drained' });
  });
});

describe('the finish rule', () => {
  it('ends a drain when nothing is left, even before its deadline', () => {
    expect(drainVerdict(0, T0, T0 + 60_000)).toBe('drained');
  });

  it('ends it at the deadline with connections still open', () => {
    expect(drainVerdict(4, T0 + 60_000, T0 + 60_000)).toBe('deadline');
    expect(drainVerdict(4, T0 + 59_999, T0 + 60_000)).toBeNull();
  });

  it('counts reaching 0 at the deadline as drained', () => {
    expect(drainVerdict(0, T0 + 70_000, T0 + 60_000)).toBe('drained');
  });
});

describe('the request', () => {
  it('takes remove or keep and a positive deadline of at most a week', () => {
    expect(drainRequestSchema.parse({ then: 'remove', deadlineSeconds: 0.5 })).toEqual({
      then: 'remove',
      deadlineSeconds: 0.5,
    });
    expect(drainRequestSchema.safeParse({ then: 'delete', deadlineSeconds: 5 }).success).toBe(false);
    expect(drainRequestSchema.safeParse({ then: 'keep', deadlineSeconds: 0 }).success).toBe(false);
    expect(drainRequestSchema.safeParse({ then: 'keep', deadlineSeconds: 8 * 86400 }).success).toBe(false);
    expect(drainRequestSchema.safeParse({ then: 'keep' }).success).toBe(false);
  });
});

describe('the warning before a drain', () => {
  it('applies to a persistent service while expire_quiescent_template is 0, naming the sysctl that fixes it', () => {
    const warning = drainWarning(300, 0);
    expect(warning?.code).toBe('QUIESCENT_TEMPLATES_KEPT');
    expect(warning?.fix).toBe('sysctl -w net.ipv4.vs.expire_quiescent_template=1');
    expect(warning?.message).toContain('expire_quiescent_template is 0');
  });

  it('does not apply without persistence or with the sysctl at 1', () => {
    expect(drainWarning(0, 0)).toBeNull();
    expect(drainWarning(300, 1)).toBeNull();
  });
});

describe('the commands', () => {
  const vip = { protocol: 'tcp', address: '10.0.0.1', port: 80 } as const;
  const server = {
    address: '10.0.1.2',
    port: 80,
    forwarding: 'masq',
    weight: 5,
    upperThreshold: 0,
    lowerThreshold: 0,
    tunnelType: 'ipip',
    tunnelPort: 0,
    tunnelChecksum: 'nocsum',
  } as const;

  it('are the weight-0 edit, then the removal for then: remove', () => {
    expect(drainCommands(vip, server, true)).toEqual([
      'ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 0',
      'ipvsadm -d -t 10.0.0.1:80 -r 10.0.1.2:80',
    ]);
    expect(drainCommands(vip, { ...server, weight: 0 }, false)).toEqual([]);
  });
});
