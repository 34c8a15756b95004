import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dest, stats, tcpService } from '../../live/__tests__/fixtures.js';
import { renderMetrics, type MetricsInput } from '../render-metrics.js';
import { optionalMetricFamilies, parseMetricSelection } from '../metric-selection.js';
import { formatValue } from '../prometheus-text.js';
import type { LayoutCache } from '../node-exporter-families.js';
import { nodeExporterIpvsText } from './node-exporter-capture.js';

const fwmark = (mark: number, destinations: ReturnType<typeof dest>[]) => ({
  ...tcpService('0.0.0.0', 0, destinations),
  key: { protocol: 'fwmark' as const, fwmark: mark, family: 'inet' as const },
});

/** The table of node-exporter-capture.ts, in ipvsadm's order (not node_exporter's). */
const table = [
  tcpService('10.0.0.9', 443, [dest('10.0.1.9', 10), dest('10.0.1.9', 9, { weight: 2, activeConns: 1 })]),
  tcpService(
    '10.0.0.10',
    80,
    [
      dest('10.0.1.1', 8080, { weight: 3, activeConns: 2, inactiveConns: 5 }),
      dest('10.0.1.2', 80, { weight: 1234567 }),
    ],
    { stats: stats({ conns: 7 }) },
  ),
  {
    ...tcpService('10.0.0.10', 53, [dest('10.0.1.1', 53, { inactiveConns: 4 })]),
    key: { protocol: 'udp' as const, address: '10.0.0.10', port: 53 },
  },
  tcpService('2001:db8::1', 443, [dest('2001:db8::10', 443)]),
  fwmark(0x1a, [dest('10.0.2.1', 0, { weight: 2 })]),
  fwmark(0x1b, [dest('10.0.2.1', 0, { weight: 3 })]),
];
const input = (enabled: ReadonlySet<string>): MetricsInput => ({
  table,
  totals: stats({ conns: 2 ** 40, inPackets: 123, inBytes: 0x2bc0000000 }),
  backend: 'simulated',
  up: true,
  enabled,
});
const lean = renderMetrics(input(new Set()));
const full = renderMetrics(input(parseMetricSelection('all')));

/** promtool (Debian package prometheus) is the reference checker: missing, the test fails, it never skips. */
function requirePromtool(): void {
  if (!existsSync('/usr/bin/promtool')) {
    throw new Error('promtool is missing: run apt-get install -y prometheus (npm test installs it as root)');
  }
}

describe('render-metrics', () => {
  it("prints node_ipvs_* byte for byte as node_exporter's ipvs collector does for the same table", () => {
    const ours = lean
      .split('\n')
      .filter((line) => /^(# (HELP|TYPE) )?node_ipvs_/.test(line))
      .join('\n');
    expect(`${ours}\n`).toBe(nodeExporterIpvsText);
  });

  it('reuses the row layout within a generation and rebuilds it for another generation or shape', () => {
    const cache: LayoutCache = { layout: null };
    const render = (t: typeof table, generation: number) =>
      renderMetrics({ ...input(new Set()), table: t, cache, generation });
    expect(render(table, 7)).toBe(lean);
    const built = cache.layout;
    // Same generation, new numbers: the same layout, today's values.
    const busier = table.map((service) => ({
      ...service,
      destinations: service.destinations.map((d) => ({ ...d, activeConns: d.activeConns + 40 })),
    }));
    const text = render(busier, 7);
    expect(cache.layout).toBe(built);
    expect(text).toContain(
      'node_ipvs_backend_connections_active{local_address="10.0.0.10",local_mark="",local_port="80",proto="TCP",remote_address="10.0.1.1",remote_port="8080"} 42\n',
    );
    // A real server fewer: rebuilt even if the generation were the same.
    const smaller = [{ ...table[0]!, destinations: table[0]!.destinations.slice(1) }, ...table.slice(1)];
    expect(render(smaller, 7)).toBe(renderMetrics({ ...input(new Set()), table: smaller }));
    expect(cache.layout).not.toBe(built);
    const rebuilt = cache.layout;
    expect(render(smaller, 8)).toBe(renderMetrics({ ...input(new Set()), table: smaller }));
    expect(cache.layout).not.toBe(rebuilt);
  });

  it('serves only node_ipvs_*, the table digest and ipvs_dashboard_up by default (no checks, no holds)', () => {
    const families = lean.split('\n').filter((line) => line.startsWith('# TYPE '));
    expect(families.filter((line) => !line.startsWith('# TYPE node_ipvs_'))).toEqual([
      '# TYPE ipvs_dashboard_table_digest gauge',
      '# TYPE ipvs_dashboard_up gauge',
    ]);
    expect(lean.endsWith('ipvs_dashboard_up{backend="simulated"} 1\n')).toBe(true);
  });

  it('names series by service and real server only; settings are in _info series, rates per service only', () => {
    const real =
      'protocol="tcp",address="10.0.0.10",port="80",fwmark="",family="",real_address="10.0.1.1",real_port="8080"';
    expect(full).toContain(`ipvs_dashboard_destination_incoming_bytes_total{${real}} 0\n`);
    expect(full).toContain(`ipvs_dashboard_destination_weight{${real}} 3\n`);
    expect(full).toContain(`ipvs_dashboard_destination_info{${real},forwarding="masq"} 1\n`);
    expect(full).toMatch(
      /ipvs_dashboard_service_info\{protocol="tcp",address="10.0.0.10",[^}]*scheduler="wlc"[^}]*\} 1\n/,
    );
    expect(full).toContain(
      'ipvs_dashboard_service_connections_total{protocol="fwmark",address="",port="0",fwmark="26",family="inet"} 0\n',
    );
    expect(full).toContain('ipvs_dashboard_service_connections_per_second{');
    expect(full).not.toContain('ipvs_dashboard_destination_connections_per_second');
  });

  it('adds exactly the families --metrics names', () => {
    const some = renderMetrics(
      input(parseMetricSelection('ipvs_dashboard_services, ipvs_dashboard_destination_*')),
    );
    const families = some
      .split('\n')
      .filter((line) => line.startsWith('# TYPE ipvs_dashboard_'))
      .map((line) => line.split(' ')[2]);
    expect(families).toEqual([
      ...optionalMetricFamilies.filter((name) => name.startsWith('ipvs_dashboard_destination_')),
      'ipvs_dashboard_services',
      'ipvs_dashboard_table_digest',
      'ipvs_dashboard_up',
    ]);
    expect(some).toContain('ipvs_dashboard_services 6\n');
  });

  it('refuses a --metrics name that matches no family, naming the known ones', () => {
    expect(() => parseMetricSelection('ipvs_dashboard_nope')).toThrow(/ipvs_dashboard_services/);
    expect(parseMetricSelection('none').size).toBe(0);
    expect(parseMetricSelection('all').size).toBe(optionalMetricFamilies.length);
  });

  it("formats values as Go's strconv.FormatFloat(v, 'g', -1, 64)", () => {
    const cases: [number, string][] = [
      [0, '0'],
      [1, '1'],
      [-1, '-1'],
      [999999, '999999'],
      [1e6, '1e+06'],
      [1234567, '1.234567e+06'],
      [2 ** 53, '9.007199254740992e+15'],
      [0.5, '0.5'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [1e21, '1e+21'],
      [1.5e100, '1.5e+100'],
      [NaN, 'NaN'],
      [Infinity, '+Inf'],
      [-Infinity, '-Inf'],
    ];
    expect(cases.map(([value]) => formatValue(value))).toEqual(cases.map(([, text]) => text));
  });

  it('passes promtool check metrics', () => {
    requirePromtool();
    const result = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: full, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
