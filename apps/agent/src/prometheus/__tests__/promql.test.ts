import { describe, expect, it } from 'vitest';
import { parseServiceId } from '@ipvs-dashboard/shared';
import {
  directorsQuery,
  fieldQuery,
  formatSelector,
  parseSelector,
  queriedCounterFamilies,
} from '../promql.js';

const web = parseServiceId('tcp:10.0.0.1:80');
const mark = parseServiceId('fwmark:26');
const v6 = parseServiceId('udp:[2001:db8::1]:53');
const lb1 = parseSelector('{job="ipvs-dashboard",instance="lb1:8080"}');

describe('PromQL of long history', () => {
  it('rates per service and per real server from the agent counters, over this director only', () => {
    expect(fieldQuery('cps', 'service', web, lb1, 120_000)).toBe(
      'sum (rate(ipvs_dashboard_service_connections_total{job="ipvs-dashboard",instance="lb1:8080",protocol="tcp",address="10.0.0.1",port="80"}[120s]))',
    );
    expect(fieldQuery('outBps', 'destination', web, lb1, 1_800_000)).toBe(
      'sum by (real_address, real_port) (rate(ipvs_dashboard_destination_outgoing_bytes_total{job="ipvs-dashboard",instance="lb1:8080",protocol="tcp",address="10.0.0.1",port="80"}[1800s]))',
    );
  });

  it("connections from node_exporter's backend gauges, with its label spelling", () => {
    expect(fieldQuery('activeConns', 'service', web, [], 120_000)).toBe(
      'sum (node_ipvs_backend_connections_active{proto="TCP",local_address="10.0.0.1",local_port="80"})',
    );
    expect(fieldQuery('inactiveConns', 'destination', mark, [], 120_000)).toBe(
      'sum by (remote_address, remote_port) (node_ipvs_backend_connections_inactive{proto="FWM",local_mark="0000001A"})',
    );
    expect(fieldQuery('inPps', 'service', mark, [], 120_000)).toBe(
      'sum (rate(ipvs_dashboard_service_incoming_packets_total{protocol="fwmark",fwmark="26",family="inet"}[120s]))',
    );
    expect(fieldQuery('activeConns', 'service', v6, [], 120_000)).toContain(
      '{proto="UDP",local_address="2001:db8::1",local_port="53"}',
    );
  });

  it('asks which directors a selector picks', () => {
    expect(directorsQuery(lb1, 7 * 86_400_000)).toBe(
      'count by (job, instance) (last_over_time(ipvs_dashboard_up{job="ipvs-dashboard",instance="lb1:8080"}[604800s]))',
    );
  });

  it('turns on exactly the counters it rates', () => {
    expect(queriedCounterFamilies).toHaveLength(10);
    expect(queriedCounterFamilies).toContain('ipvs_dashboard_destination_incoming_bytes_total');
  });
});

describe('parseSelector', () => {
  it('reads matchers as Prometheus writes them, braces optional, and writes them back', () => {
    expect(parseSelector('')).toEqual([]);
    expect(parseSelector('{}')).toEqual([]);
    const matchers = parseSelector(' instance =~ "lb[12]:.*" , env!="te\\"st" ');
    expect(matchers).toEqual([
      { name: 'instance', op: '=~', value: 'lb[12]:.*' },
      { name: 'env', op: '!=', value: 'te"st' },
    ]);
    expect(formatSelector(matchers)).toBe('{instance=~"lb[12]:.*",env!="te\\"st"}');
  });

  it('refuses what it cannot read, naming it', () => {
    expect(() => parseSelector('{instance=lb1}')).toThrow(/cannot read "instance=lb1"/);
    expect(() => parseSelector('job="a" instance="b"')).toThrow(/cannot read/);
  });
});
