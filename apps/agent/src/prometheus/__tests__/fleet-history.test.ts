import { describe, expect, it } from 'vitest';
import { defaultInstanceOf } from '@ipvs-dashboard/shared';
import { directorInstances, fleetHistoryQuery, fleetHistoryRows } from '../fleet-history.js';
import { parseSelector } from '../promql.js';

const fleet = {
  self: { name: 'lb1', prometheusInstance: null },
  peers: [
    { name: 'lb2', url: 'https://lb2.example.com:8443', prometheusInstance: null },
    { name: 'lb3', url: 'https://lb3.example.com', prometheusInstance: null },
    { name: 'lb4', url: 'http://10.0.0.4:8080', prometheusInstance: 'lb4:9100' },
  ],
};

describe('fleet sparklines: which instance is which director', () => {
  it("takes the fleet file's prometheusInstance, else the url's host:port with the scheme's port", () => {
    expect(defaultInstanceOf('https://LB3.example.com')).toBe('lb3.example.com:443');
    expect(defaultInstanceOf('http://[2001:db8::1]')).toBe('[2001:db8::1]:80');
    expect(directorInstances(fleet, parseSelector('{job="ipvs"}'))).toEqual([
      { name: 'lb1', instance: null },
      { name: 'lb2', instance: 'lb2.example.com:8443' },
      { name: 'lb3', instance: 'lb3.example.com:443' },
      { name: 'lb4', instance: 'lb4:9100' },
    ]);
  });

  it("finds this agent's own instance in --prometheus-selector when the file does not give it", () => {
    const selector = parseSelector('{job="ipvs",instance="lb1.example.com:8080"}');
    expect(directorInstances(fleet, selector)[0]).toEqual({ name: 'lb1', instance: 'lb1.example.com:8080' });
    const given = { ...fleet, self: { name: 'lb1', prometheusInstance: 'lb1:1' } };
    expect(directorInstances(given, selector)[0]).toEqual({ name: 'lb1', instance: 'lb1:1' });
  });
});

describe('fleet sparklines: one query for the whole fleet', () => {
  it("groups by instance, keeps the selector's job and drops its instance, escapes the regex", () => {
    const selector = parseSelector('{job="ipvs",instance="lb1:8080"}');
    expect(fleetHistoryQuery(['lb1:8080', 'lb2.example.com:8443', 'lb1:8080'], selector)).toBe(
      'sum by (instance) (rate(node_ipvs_connections_total{job="ipvs",instance=~"lb1:8080|lb2\\\\.example\\\\.com:8443"}[120s]))',
    );
  });

  it('gives every director its row in the file order, with a note where there is no line', () => {
    const rows = fleetHistoryRows(
      [
        { name: 'lb1', instance: null },
        { name: 'lb2', instance: 'lb2:8080' },
        { name: 'lb3', instance: 'lb3:8080' },
      ],
      [
        {
          metric: { instance: 'lb3:8080' },
          values: [
            [1_700_000_000, '12.5'],
            [1_700_000_060, 'NaN'],
          ],
        },
        { metric: { instance: 'other:1' }, values: [[1_700_000_000, '1']] },
      ],
    );
    expect(rows.map((row) => [row.name, row.points, row.note === null])).toEqual([
      ['lb1', [], false],
      ['lb2', [], false],
      ['lb3', [{ at: 1_700_000_000_000, cps: 12.5 }], true],
    ]);
    expect(rows[0]!.note).toMatch(/self\.prometheusInstance/);
    expect(rows[1]!.note).toMatch(/no node_ipvs_connections_total with instance="lb2:8080"/);
  });
});
