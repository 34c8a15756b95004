import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dest, stats, tcpService } from '../../live/__tests__/fixtures.js';
import { renderMetrics } from '../render-metrics.js';

const table = [
  tcpService('10.0.0.1', 80, [dest('10.0.1.1', 8080, { weight: 3, activeConns: 2, inactiveConns: 5 })], {
    stats: stats({ conns: 7 }),
  }),
  tcpService('2001:db8::1', 443, [dest('2001:db8::10', 443)]),
  {
    ...tcpService('0.0.0.0', 0, [dest('10.0.2.1', 0, { weight: 2 })]),
    key: { protocol: 'fwmark' as const, fwmark: 26, family: 'inet' as const },
  },
];
const text = renderMetrics(table, stats({ conns: 2 ** 40, inBytes: 123 }), {
  backend: 'simulated',
  up: true,
});

/** promtool (Debian package prometheus) is the reference checker: missing, the test fails, it never skips. */
function requirePromtool(): void {
  if (!existsSync('/usr/bin/promtool')) {
    throw new Error('promtool is missing: run apt-get install -y prometheus (npm test installs it as root)');
  }
}

describe('render-metrics', () => {
  it('uses node_exporter ipvs names and labels, fwmark as %08X', () => {
    expect(text).toContain('node_ipvs_connections_total 1099511627776\n');
    expect(text).toContain(
      'node_ipvs_backend_weight{local_address="10.0.0.1",local_port="80",remote_address="10.0.1.1",remote_port="8080",proto="TCP",local_mark=""} 3',
    );
    expect(text).toContain(
      'node_ipvs_backend_connections_inactive{local_address="10.0.0.1",local_port="80",remote_address="10.0.1.1",remote_port="8080",proto="TCP",local_mark=""} 5',
    );
    expect(text).toContain('remote_address="2001:db8::10"');
    expect(text).toContain(
      'local_address="",local_port="0",remote_address="10.0.2.1",remote_port="0",proto="FWM",local_mark="0000001A"} 2',
    );
    expect(text).toContain('ipvs_dashboard_service_connections_total{protocol="tcp",address="10.0.0.1"');
  });

  it('names series by service and real server only; settings are in _info series, rates per service only', () => {
    const real =
      'protocol="tcp",address="10.0.0.1",port="80",fwmark="",family="",real_address="10.0.1.1",real_port="8080"';
    expect(text).toContain(`ipvs_dashboard_destination_incoming_bytes_total{${real}} 0\n`);
    expect(text).toContain(`ipvs_dashboard_destination_weight{${real}} 3\n`);
    expect(text).toContain(`ipvs_dashboard_destination_info{${real},forwarding="masq"} 1\n`);
    expect(text).toMatch(
      /ipvs_dashboard_service_info\{protocol="tcp",address="10.0.0.1",[^}]*scheduler="wlc"[^}]*\} 1\n/,
    );
    expect(text).toContain('ipvs_dashboard_service_connections_per_second{');
    expect(text).not.toContain('ipvs_dashboard_destination_connections_per_second');
  });

  it('passes promtool check metrics', () => {
    requirePromtool();
    const result = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
