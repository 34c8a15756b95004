// node:test (runs in the guest with the comparison, or `node --test test/metrics-kernel/__tests__`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { familyLines, parseSeries, seriesDifferences } from '../prometheus-text.mjs';

const exposition = `# HELP node_ipvs_connections_total The total number of connections made.
# TYPE node_ipvs_connections_total counter
node_ipvs_connections_total 1.234567e+06
node_ipvs_backend_weight{remote_port="80",local_address="10.0.0.1",proto="TCP",local_mark="",local_port="80",remote_address="10.1.0.1"} 3
node_scrape_collector_success{collector="ipvs"} 1
`;

describe('prometheus-text', () => {
  it('reads values in exponent notation and orders labels by name', () => {
    const series = parseSeries(exposition, 'node_ipvs_');
    assert.equal(series.get('node_ipvs_connections_total{}'), 1234567);
    const id =
      'node_ipvs_backend_weight{local_address="10.0.0.1",local_mark="",local_port="80",proto="TCP",' +
      'remote_address="10.1.0.1",remote_port="80"}';
    assert.equal(series.get(id), 3);
    assert.equal(series.size, 2, 'other prefixes are left out');
  });

  it('keeps the lines, comments included, of one prefix as they were sent', () => {
    assert.equal(familyLines(exposition, 'node_ipvs_'), exposition.split('\n').slice(0, 4).join('\n'));
  });

  it('refuses a series listed twice', () => {
    assert.throws(() => parseSeries('node_ipvs_a 1\nnode_ipvs_a 2\n', 'node_ipvs_'), /listed twice/);
  });

  it('accepts a value between the two reference scrapes and names what is missing, extra or off', () => {
    const before = new Map([
      ['a{}', 10],
      ['b{}', 5],
      ['gone{}', 1],
    ]);
    const after = new Map([
      ['a{}', 12],
      ['b{}', 5],
      ['gone{}', 1],
    ]);
    const actual = new Map([
      ['a{}', 11],
      ['b{}', 6],
      ['new{}', 1],
    ]);
    assert.deepEqual(seriesDifferences(actual, before, after), [
      'missing: gone{} 1',
      'value: b{} 6, node_exporter 5..5',
      'extra: new{} 1',
    ]);
  });
});
