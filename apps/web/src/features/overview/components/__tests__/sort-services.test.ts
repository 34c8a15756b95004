import { describe, expect, it } from 'vitest';
import { destination, service, zeroStats } from '../../../../testing/fixtures';
import { sortAndFilter, toRows } from '../sort-services';

const table = [
  service('10.0.0.1', {
    scheduler: 'wlc',
    stats: { ...zeroStats, cps: 5 },
    destinations: [destination('10.1.0.1', { activeConns: 3 })],
  }),
  service('10.0.0.2', {
    scheduler: 'rr',
    stats: { ...zeroStats, cps: 50 },
    destinations: [destination('10.1.0.2', { activeConns: 1 }), destination('10.1.0.3', { activeConns: 9 })],
  }),
  service('2001:db8::1', {
    family: 'inet6',
    key: { protocol: 'udp', address: '2001:db8::1', port: 53 },
    scheduler: 'sh',
  }),
];

const ids = (rows: ReturnType<typeof toRows>) => rows.map((row) => row.id);

describe('sort-services', () => {
  it('keeps the agent (ipvsadm) order when sorted by service', () => {
    expect(ids(sortAndFilter(toRows(table), '', { column: 'service', direction: 'asc' }))).toEqual([
      'tcp:10.0.0.1:80',
      'tcp:10.0.0.2:80',
      'udp:[2001:db8::1]:53',
    ]);
  });

  it('sorts by summed active connections, busiest first', () => {
    const rows = sortAndFilter(toRows(table), '', { column: 'active', direction: 'desc' });
    expect(ids(rows)[0]).toBe('tcp:10.0.0.2:80');
    expect(rows[0]?.active).toBe(10);
  });

  it('sorts by connection rate in both directions', () => {
    expect(ids(sortAndFilter(toRows(table), '', { column: 'cps', direction: 'desc' }))[0]).toBe(
      'tcp:10.0.0.2:80',
    );
    expect(ids(sortAndFilter(toRows(table), '', { column: 'cps', direction: 'asc' }))[2]).toBe(
      'tcp:10.0.0.2:80',
    );
  });

  it('filters on every word: protocol, family, scheduler and real server address', () => {
    expect(ids(sortAndFilter(toRows(table), 'udp ipv6', { column: 'service', direction: 'asc' }))).toEqual([
      'udp:[2001:db8::1]:53',
    ]);
    expect(ids(sortAndFilter(toRows(table), '10.1.0.3', { column: 'service', direction: 'asc' }))).toEqual([
      'tcp:10.0.0.2:80',
    ]);
    expect(sortAndFilter(toRows(table), 'tcp sh', { column: 'service', direction: 'asc' })).toEqual([]);
  });
});
