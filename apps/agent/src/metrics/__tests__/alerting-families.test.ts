import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DISABLED_HEALTH, formatSaveText, type HealthStatus, type Hold } from '@ipvs-dashboard/shared';
import { dest, stats, tcpService } from '../../live/__tests__/fixtures.js';
import { alertingText, type RowStatusLookup } from '../alerting-families.js';
import { renderMetrics } from '../render-metrics.js';
import { cachedTableDigest, tableDigest } from '../table-digest.js';

const table = [
  tcpService('10.0.0.1', 80, [
    dest('10.0.1.1', 80, { weight: 5 }),
    dest('10.0.1.2', 80, { weight: 0 }),
    dest('10.0.1.3', 80),
    dest('10.0.1.4', 80, { weight: 0 }),
    dest('10.0.1.5', 80),
  ]),
];

const at = 1_765_000_000_000;
const statuses: Record<string, { holds: Hold[]; health: HealthStatus }> = {
  '10.0.1.1:80': {
    holds: [],
    health: { state: 'up', since: at, lastResult: { ok: true, ms: 12.5, detail: 'HTTP 200', at } },
  },
  '10.0.1.2:80': {
    holds: [{ kind: 'health', since: at, reason: 'connect refused' }],
    health: { state: 'down', since: at, lastResult: { ok: false, ms: 0.25, detail: 'connect refused', at } },
  },
  // Checked, no verdict yet: a time but no up/down series.
  '10.0.1.3:80': {
    holds: [],
    health: { state: 'unknown', since: at, lastResult: { ok: false, ms: 3, detail: 'timeout', at } },
  },
  '10.0.1.4:80': {
    holds: [{ kind: 'operator', since: at, reason: 'quiesced by admin' }],
    health: DISABLED_HEALTH,
  },
};
const lookup: RowStatusLookup = {
  statusOf: (_sid, did) => statuses[did] ?? { holds: [], health: DISABLED_HEALTH },
};

const text = (status?: RowStatusLookup) =>
  [...alertingText({ table, ...(status ? { status } : {}) })].join('');
const row = (n: number) =>
  `protocol="tcp",address="10.0.0.1",port="80",fwmark="",family="",real_address="10.0.1.${n}",real_port="80"`;

describe('alerting families', () => {
  it('serves health up/down only once a check decided, the last check time, and one series per hold', () => {
    const lines = text(lookup)
      .split('\n')
      .filter(
        (line) => line !== '' && !line.startsWith('#') && !line.startsWith('ipvs_dashboard_table_digest'),
      );
    expect(lines).toEqual([
      `ipvs_dashboard_destination_health_up{${row(1)}} 1`,
      `ipvs_dashboard_destination_health_up{${row(2)}} 0`,
      `ipvs_dashboard_destination_check_duration_seconds{${row(1)}} 0.0125`,
      `ipvs_dashboard_destination_check_duration_seconds{${row(2)}} 0.00025`,
      `ipvs_dashboard_destination_check_duration_seconds{${row(3)}} 0.003`,
      `ipvs_dashboard_destination_held{${row(2)},kind="health"} 1`,
      `ipvs_dashboard_destination_held{${row(4)},kind="operator"} 1`,
    ]);
  });

  it('adds only the digest for a table without checks or holds', () => {
    const lines = text()
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ipvs_dashboard_table_digest \d/);
  });

  it('passes promtool check metrics', () => {
    const body = renderMetrics({
      table,
      totals: stats(),
      backend: 'kernel',
      up: true,
      enabled: new Set(),
      status: lookup,
    });
    const result = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: body, encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

function digestOf(t: Parameters<typeof tableDigest>[0]): number {
  const run = tableDigest(t);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

describe('table digest', () => {
  it('is the first 52 bits of the SHA-256 of the /config text, exact as a Prometheus sample', () => {
    const sha = createHash('sha256')
      .update(formatSaveText(table, { thresholds: true }))
      .digest('hex');
    const digest = digestOf(table);
    expect(digest).toBe(parseInt(sha.slice(0, 13), 16));
    expect(Number.isSafeInteger(digest)).toBe(true);
    expect(digest).toBeLessThan(2 ** 52);
    expect(Number(String(digest))).toBe(digest);
  });

  it('ignores counters and connections; sees weights and settings', () => {
    const busy = table.map((s) => ({
      ...s,
      stats: stats({ conns: 99 }),
      destinations: s.destinations.map((d) => ({ ...d, activeConns: 7, stats: stats({ conns: 5 }) })),
    }));
    expect(digestOf(busy)).toBe(digestOf(table));
    const reweighted = [
      {
        ...table[0]!,
        destinations: table[0]!.destinations.map((d, i) => (i === 0 ? { ...d, weight: 6 } : d)),
      },
    ];
    expect(digestOf(reweighted)).not.toBe(digestOf(table));
    expect(digestOf([{ ...table[0]!, scheduler: 'rr' }])).not.toBe(digestOf(table));
  });

  it('is computed once per table generation, in slices for a big table', () => {
    const big = Array.from({ length: 100 }, (_, s) =>
      tcpService(
        `10.0.${s}.1`,
        80,
        Array.from({ length: 10 }, (_, d) => dest(`10.1.${s}.${d}`, 80)),
      ),
    );
    const cache = {};
    const run = cachedTableDigest(big, 5, cache);
    let pauses = 0;
    let step = run.next();
    while (!step.done) {
      pauses++;
      step = run.next();
    }
    expect(pauses).toBe(5); // 1,000 real servers, a pause every 200 lines
    const again = cachedTableDigest(big, 5, cache).next();
    expect(again).toEqual({ done: true, value: step.value });
  });
});
