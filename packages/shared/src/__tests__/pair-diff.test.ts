import { describe, expect, it } from 'vitest';
import { countServers, pairDiff, vrrpSummary } from '../fleet/index.js';
import { destination, httpService } from './fixtures.js';

const held = { kind: 'operator' as const, since: 1, reason: 'quiesced by admin' };

describe('pairDiff', () => {
  it('finds nothing between equal tables, counters and connections aside', () => {
    const left = [httpService([destination('10.0.0.1', 80, { activeConns: 5 })])];
    const right = [httpService([destination('10.0.0.1', 80, { activeConns: 0 })])];
    expect(pairDiff(left, right)).toEqual([]);
  });

  it('names rows on one side only, and every differing field of a row on both', () => {
    const left = [
      httpService([
        destination('10.0.0.1', 80, { weight: 5, upperThreshold: 100 }),
        destination('10.0.0.2', 80),
      ]),
    ];
    const right = [
      {
        ...httpService([
          destination('10.0.0.1', 80, { weight: 0, holds: [held] }),
          destination('10.0.0.3', 80),
        ]),
        scheduler: 'rr',
      },
      { ...httpService([]), key: { protocol: 'udp' as const, address: '10.10.10.10', port: 53 } },
    ];
    expect(pairDiff(left, right)).toEqual([
      {
        kind: 'differs',
        service: 'tcp:10.10.10.10:80',
        fields: [{ field: 'scheduler', left: 'wrr', right: 'rr' }],
      },
      {
        kind: 'differs',
        service: 'tcp:10.10.10.10:80',
        destination: '10.0.0.1:80',
        fields: [
          { field: 'weight', left: '5', right: '0' },
          { field: 'upperThreshold', left: '100', right: '0' },
          { field: 'holds', left: '-', right: 'operator' },
        ],
      },
      { kind: 'only-left', service: 'tcp:10.10.10.10:80', destination: '10.0.0.2:80', fields: [] },
      { kind: 'only-right', service: 'tcp:10.10.10.10:80', destination: '10.0.0.3:80', fields: [] },
      { kind: 'only-right', service: 'udp:10.10.10.10:53', fields: [] },
    ]);
  });
});

describe('fleet totals', () => {
  it('counts each real server once: down before held before up', () => {
    const down = { state: 'down' as const, since: 1, lastResult: null };
    const table = [
      httpService([
        destination('10.0.0.1', 80, { health: down, holds: [{ ...held, kind: 'health' }] }),
        destination('10.0.0.2', 80, { holds: [held] }),
        destination('10.0.0.3', 80),
      ]),
    ];
    expect(countServers(table)).toEqual({ down: 1, held: 1, up: 1 });
  });

  it('sums VRRP instances up in one word', () => {
    expect(vrrpSummary([])).toBeNull();
    expect(vrrpSummary(['master', 'master'])).toBe('master');
    expect(vrrpSummary(['backup'])).toBe('backup');
    expect(vrrpSummary(['master', 'backup'])).toBe('mixed');
    expect(vrrpSummary(['master', 'unknown'])).toBe('unknown');
  });
});
