import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectionsResponseSchema,
  historyResponseSchema,
  infoResponseSchema,
  type KernelSetting,
} from '@ipvs-dashboard/shared';
import { SimulatedBackend } from '../../simulated/index.js';
import { startTestAgent, testToken, webService, webServiceId, type TestAgent } from './test-agent.js';

let t: TestAgent;
beforeAll(async () => {
  t = await startTestAgent({ intervalMs: 100 });
  await t.api('/services', { method: 'POST', json: webService });
  await t.api(`/services/${webServiceId}/destinations`, {
    method: 'POST',
    json: { address: '10.0.1.1', port: 80, forwarding: 'masq' },
  });
});
afterAll(() => t.agent.close());

/** promtool (Debian package prometheus) is the reference checker: missing, the test fails, it never skips. */
function requirePromtool(): void {
  if (!existsSync('/usr/bin/promtool')) {
    throw new Error('promtool is missing: run apt-get install -y prometheus (npm test installs it as root)');
  }
}

describe('system-routes', () => {
  it('describes the agent in /info', async () => {
    const info = infoResponseSchema.parse(await (await t.api('/info')).json());
    expect(info).toMatchObject({
      backend: 'simulated',
      backendReason: null,
      intervalMs: 100,
      version: '1.2.1',
    });
    expect(info.schedulers).toContain('wlc');
    expect(info).toMatchObject({
      persistenceEngines: ['sip'],
      tunnelTypes: ['ipip', 'gue', 'gre'],
      addressFamilies: ['inet', 'inet6'],
    });
  });

  it('reads and writes timeouts, 0 meaning unchanged', async () => {
    const before = (await (await t.api('/timeouts')).json()) as { tcp: number; tcpFin: number; udp: number };
    const after = await (
      await t.api('/timeouts', { method: 'PUT', json: { tcp: 901, tcpFin: 0, udp: 0 } })
    ).json();
    expect(after).toEqual({ ...before, tcp: 901 });
    const bad = await t.api('/timeouts', { method: 'PUT', json: { tcp: -1, tcpFin: 0, udp: 0 } });
    expect(bad.status).toBe(400);
    expect(await (await t.api('/timeouts')).json()).toEqual(after);
  });

  it('starts and stops sync daemons, refusing a second master and unknown states', async () => {
    expect(
      (await t.api('/daemons', { method: 'POST', json: { state: 'master', interface: 'lo' } })).status,
    ).toBe(201);
    expect(
      (await t.api('/daemons', { method: 'POST', json: { state: 'master', interface: 'lo' } })).status,
    ).toBe(409);
    expect(
      (await t.api('/daemons', { method: 'POST', json: { state: 'leader', interface: 'lo' } })).status,
    ).toBe(400);
    expect((await t.api('/daemons/leader', { method: 'DELETE' })).status).toBe(400);
    expect((await t.api('/daemons/master', { method: 'DELETE' })).status).toBe(204);
    expect(await (await t.api('/daemons')).json()).toEqual([]);
  });

  it('writes kernel settings inside their range only', async () => {
    const settings = (await (await t.api('/kernel-settings')).json()) as KernelSetting[];
    const setting = settings.find((s) => s.name === 'expire_nodest_conn');
    expect(setting).toBeDefined();
    const written = await t.api('/kernel-settings/expire_nodest_conn', {
      method: 'PUT',
      json: { value: setting!.max },
    });
    expect(await written.json()).toMatchObject({ name: 'expire_nodest_conn', value: setting!.max });
    const outside = await t.api('/kernel-settings/expire_nodest_conn', {
      method: 'PUT',
      json: { value: setting!.max + 1 },
    });
    expect(outside.status).toBe(400);
    expect(
      (await t.api('/kernel-settings/no_such_thing', { method: 'PUT', json: { value: 1 } })).status,
    ).toBe(404);
  });

  it('lists connections with filters and checks the paging numbers', async () => {
    const demo = await startTestAgent({ backend: await SimulatedBackend.withDemo() });
    const all = connectionsResponseSchema.parse(await (await demo.api('/connections?limit=1000')).json());
    const sid = encodeURIComponent('tcp:10.0.0.10:80');
    const page = connectionsResponseSchema.parse(
      await (await demo.api(`/connections?service=${sid}&limit=5&offset=1`)).json(),
    );
    // A fwmark service: its templates carry the mark, its connections go to its real servers.
    const marked = connectionsResponseSchema.parse(
      await (await demo.api(`/connections?service=${encodeURIComponent('fwmark:100')}&limit=1000`)).json(),
    );
    await demo.agent.close();
    expect(marked.items.some((c) => c.template && c.fwmark === 100)).toBe(true);
    expect(
      marked.items.some((c) => !c.template && c.virtualAddress === '10.0.0.100' && c.virtualPort === 8080),
    ).toBe(true);
    expect(marked.items.every((c) => c.fwmark === 100 || c.destAddress.startsWith('10.0.4.'))).toBe(true);
    expect(all.total).toBeGreaterThan(page.total);
    expect(page.total).toBeGreaterThan(5);
    expect(page.items).toHaveLength(5);
    expect(page.items.every((c) => c.virtualAddress === '10.0.0.10' && c.virtualPort === 80)).toBe(true);
    expect((await t.api('/connections?limit=5000')).status).toBe(400);
    expect((await t.api('/connections?service=bogus')).status).toBe(400);
    expect((await t.api('/connections?sort=age')).status).toBe(400);
    expect((await t.api('/connections?templates=first')).status).toBe(400);
  });

  it('keeps per-service and per-real-server history', async () => {
    await new Promise((resolve) => setTimeout(resolve, 350));
    const history = historyResponseSchema.parse(
      await (await t.api(`/history?service=${webServiceId}`)).json(),
    );
    expect(history.services).toHaveLength(1);
    expect(history.services[0]?.id).toBe('tcp:10.0.0.1:80');
    expect(history.services[0]?.points.length).toBeGreaterThanOrEqual(2);
    expect(history.services[0]?.destinations[0]?.id).toBe('10.0.1.1:80');
    expect((await t.api('/history?service=nope')).status).toBe(400);
  });

  it('answers history for an overview: the newest points of each service, no real servers', async () => {
    await new Promise((resolve) => setTimeout(resolve, 350));
    const full = historyResponseSchema.parse(await (await t.api('/history')).json());
    const short = historyResponseSchema.parse(await (await t.api('/history?points=1&destinations=0')).json());
    expect(short.services.map((s) => s.id)).toEqual(full.services.map((s) => s.id));
    for (const service of short.services) {
      expect(service.destinations).toEqual([]);
      expect(service.points).toHaveLength(1);
      const whole = full.services.find((s) => s.id === service.id)?.points ?? [];
      expect(service.points[0]?.at).toBeGreaterThanOrEqual(whole[whole.length - 1]?.at ?? Infinity);
    }
    expect((await t.api('/history?points=0')).status).toBe(400);
    expect((await t.api('/history?destinations=no')).status).toBe(400);
  });

  it('serves /metrics that promtool accepts', async () => {
    requirePromtool();
    const response = await fetch(`${t.base}/metrics`, {
      headers: { authorization: `Bearer ${'test-token-0123456789abcdef'}` },
    });
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await response.text();
    expect(text).toContain(
      'node_ipvs_backend_weight{local_address="10.0.0.1",local_mark="",local_port="80",proto="TCP",remote_address="10.0.1.1"',
    );
    const check = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
  });

  it('keeps serving /metrics with ipvs_dashboard_up 0 while the backend fails', async () => {
    const failing = await startTestAgent();
    const snapshot = failing.backend.snapshot.bind(failing.backend);
    failing.backend.snapshot = () => Promise.reject(new Error('netlink socket gone'));
    const headers = { authorization: `Bearer ${testToken}` };
    const down = await fetch(`${failing.base}/metrics`, { headers });
    const apiDown = await failing.api('/services');
    failing.backend.snapshot = snapshot;
    const up = await fetch(`${failing.base}/metrics`, { headers });
    await failing.agent.close();
    expect(down.status).toBe(200);
    expect(await down.text()).toContain('ipvs_dashboard_up{backend="simulated"} 0');
    expect(apiDown.status).toBe(500);
    expect(await up.text()).toContain('ipvs_dashboard_up{backend="simulated"} 1');
  });

  it('zeroes and clears only with confirmation', async () => {
    expect((await t.api('/zero', { method: 'POST', json: {} })).status).toBe(204);
    expect((await t.api('/clear', { method: 'POST', json: {} })).status).toBe(400);
    expect(await (await t.api('/services')).json()).toHaveLength(1);
    expect((await t.api('/clear', { method: 'POST', json: { confirm: 'clear' } })).status).toBe(204);
    expect(await (await t.api('/services')).json()).toEqual([]);
  });
});
