import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';
import { parseInterval, resolveConfig } from '../agent-config.js';
import { isLoopbackHost, parseListenAddress } from '../listen-address.js';

const defaults = { stateDir: '/var/lib/x', webDir: '/web' };

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.field : 'not an AppError';
  }
  return undefined;
}

describe('agent-config', () => {
  it('defaults to loopback 8080, auto backend, 1 s interval', () => {
    const config = resolveConfig({}, defaults);
    expect(config.listen).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(config.backend).toBe('auto');
    expect(config.intervalMs).toBe(1000);
    expect(config.token).toBeNull();
    expect(config.stateDir).toBe('/var/lib/x');
  });

  it('parses IPv6 and all-interfaces listen addresses', () => {
    expect(parseListenAddress('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
    expect(parseListenAddress(':9000')).toEqual({ host: '0.0.0.0', port: 9000 });
    expect(fieldOf(() => parseListenAddress('localhost'))).toBe('listen');
    expect(fieldOf(() => parseListenAddress('1.2.3.4:70000'))).toBe('listen');
  });

  it('refuses to listen beyond loopback without TLS or a stated reason', () => {
    expect(fieldOf(() => resolveConfig({ listen: '0.0.0.0:8080' }, defaults))).toBe('listen');
    const proxied = resolveConfig(
      { listen: '0.0.0.0:8080', insecureListenReason: 'nginx does TLS' },
      defaults,
    );
    expect(proxied.insecureListenReason).toBe('nginx does TLS');
    const tls = resolveConfig({ listen: '10.0.0.1:443', tlsCert: 'c.pem', tlsKey: 'k.pem' }, defaults);
    expect(tls.tls).toEqual({ certFile: 'c.pem', keyFile: 'k.pem' });
  });

  it('rejects half a TLS pair, unknown backends, short tokens and silly intervals', () => {
    expect(fieldOf(() => resolveConfig({ tlsCert: 'c.pem' }, defaults))).toBe('tls');
    expect(fieldOf(() => resolveConfig({ backend: 'magic' }, defaults))).toBe('backend');
    expect(fieldOf(() => resolveConfig({ token: 'short' }, defaults))).toBe('token');
    expect(fieldOf(() => parseInterval('0'))).toBe('interval');
    expect(fieldOf(() => parseInterval('soon'))).toBe('interval');
    expect(parseInterval('500ms')).toBe(500);
    expect(parseInterval('2s')).toBe(2000);
  });

  it('takes extra allowed Host names, refusing ports and schemes', () => {
    expect(resolveConfig({ allowedHosts: 'LB.example.com, [2001:db8::1]' }, defaults).allowedHosts).toEqual([
      'lb.example.com',
      '[2001:db8::1]',
    ]);
    expect(fieldOf(() => resolveConfig({ allowedHosts: 'https://lb.example.com' }, defaults))).toBe(
      'allowed-hosts',
    );
    expect(fieldOf(() => resolveConfig({ allowedHosts: 'lb.example.com:443' }, defaults))).toBe(
      'allowed-hosts',
    );
  });

  it('serves no opt-in /metrics families unless --metrics names them', () => {
    expect(resolveConfig({}, defaults).metricFamilies.size).toBe(0);
    expect([
      ...resolveConfig({ metrics: 'ipvs_dashboard_destination_weight' }, defaults).metricFamilies,
    ]).toEqual(['ipvs_dashboard_destination_weight']);
    expect(fieldOf(() => resolveConfig({ metrics: 'node_ipvs_weight' }, defaults))).toBe('metrics');
  });

  it('takes Prometheus for long history, and with it the counters it rates', () => {
    expect(resolveConfig({}, defaults).prometheus).toBeNull();
    const config = resolveConfig(
      { prometheusUrl: 'http://127.0.0.1:9090', prometheusSelector: '{job="lb"}' },
      defaults,
    );
    expect(config.prometheus).toEqual({
      url: 'http://127.0.0.1:9090/',
      selector: [{ name: 'job', op: '=', value: 'lb' }],
    });
    expect(config.metricFamilies.has('ipvs_dashboard_service_connections_total')).toBe(true);
    expect(config.metricFamilies.has('ipvs_dashboard_destination_weight')).toBe(false);
    expect(fieldOf(() => resolveConfig({ prometheusUrl: '127.0.0.1:9090' }, defaults))).toBe(
      'prometheus-url',
    );
    expect(
      fieldOf(() =>
        resolveConfig({ prometheusUrl: 'http://p:9090', prometheusSelector: 'job=lb' }, defaults),
      ),
    ).toBe('prometheus-selector');
    expect(fieldOf(() => resolveConfig({ prometheusSelector: '{job="lb"}' }, defaults))).toBe(
      'prometheus-selector',
    );
  });

  it('knows which hosts are loopback', () => {
    expect(isLoopbackHost('127.0.0.5')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('192.168.1.1')).toBe(false);
  });
});
