// Every route tried with each role, from one table: a role below what the route needs gets 403 and changes
// nothing; a role that may gets anything but 403. The table includes share links (/tokens, admin only) and
// the fleet's reads. A viewer's whole run leaves the change log and the token list as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@ipvs-dashboard/shared';
import { runTokenCommand } from '../../cli/index.js';
import { startTestAgent, testToken, webService, webServiceId, type TestAgent } from './test-agent.js';

let t: TestAgent;
const tokens: Partial<Record<Role, string>> = {};

const dest = `/services/${webServiceId}/destinations/${encodeURIComponent('10.0.1.1:80')}`;

/** [method, path, body, the lowest role that may] */
const routes: [string, string, unknown, Role][] = [
  ['GET', '/session', undefined, 'viewer'],
  ['GET', '/info', undefined, 'viewer'],
  ['GET', '/summary', undefined, 'viewer'],
  ['GET', '/services', undefined, 'viewer'],
  ['GET', `/services/${webServiceId}`, undefined, 'viewer'],
  ['GET', dest, undefined, 'viewer'],
  ['GET', '/history', undefined, 'viewer'],
  ['GET', `/history/range?service=${webServiceId}&range=1h`, undefined, 'viewer'],
  ['GET', '/config', undefined, 'viewer'],
  ['GET', '/changes', undefined, 'viewer'],
  ['GET', '/daemons', undefined, 'viewer'],
  ['GET', '/timeouts', undefined, 'viewer'],
  ['GET', '/kernel-settings', undefined, 'viewer'],
  ['GET', '/connections', undefined, 'viewer'],
  ['GET', '/quiesced', undefined, 'viewer'],
  ['GET', '/fleet', undefined, 'viewer'],
  ['GET', '/fleet/history', undefined, 'viewer'],
  ['PATCH', dest, { weight: 4 }, 'operator'],
  ['POST', `${dest}/quiesce`, undefined, 'operator'],
  ['POST', `${dest}/unquiesce`, {}, 'operator'],
  ['POST', `${dest}/drain?dryRun=1`, { then: 'keep', deadlineSeconds: 60 }, 'operator'],
  ['POST', `/services/${webServiceId}/zero`, undefined, 'operator'],
  ['POST', '/zero', undefined, 'operator'],
  ['PATCH', dest, { upperThreshold: 9 }, 'admin'],
  ['PATCH', `/services/${webServiceId}`, { scheduler: 'rr' }, 'admin'],
  ['POST', '/services', { ...webService, address: '10.0.0.9' }, 'admin'],
  ['PUT', `/services/${webServiceId}/check`, { type: 'tcp' }, 'admin'],
  ['PUT', '/timeouts', { tcp: 0, tcpFin: 0, udp: 0 }, 'admin'],
  ['POST', '/daemons', { state: 'master', interface: 'lo' }, 'admin'],
  ['POST', '/config?dryRun=1', '-A -t 10.0.0.8:80 -s rr\n', 'admin'],
  ['GET', '/tokens', undefined, 'admin'],
  ['POST', '/tokens', { name: 'wall-from-table' }, 'admin'],
  ['DELETE', '/tokens/wall-from-table', undefined, 'admin'],
  ['POST', '/clear', { confirm: 'clear' }, 'admin'],
];

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

async function call(role: Role, [method, path, body]: (typeof routes)[number]): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[role]}` };
  let sent: string | undefined;
  if (typeof body === 'string') {
    headers['content-type'] = 'text/plain';
    sent = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    sent = JSON.stringify(body);
  }
  return fetch(`${t.base}/api/v1${path}`, { method, headers, ...(sent === undefined ? {} : { body: sent }) });
}

async function changeCount(): Promise<number> {
  const body = (await (await t.api('/changes?limit=200')).json()) as { items: unknown[] };
  return body.items.length;
}

beforeAll(async () => {
  t = await startTestAgent();
  await t.api('/services', { method: 'POST', json: webService });
  await t.api(`/services/${webServiceId}/destinations`, {
    method: 'POST',
    json: { address: '10.0.1.1', port: 80, weight: 5, forwarding: 'masq' },
  });
  for (const role of ['viewer', 'operator'] as const) {
    const made = await t.api('/tokens', { method: 'POST', json: { name: `table-${role}` } });
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    tokens[role] = token;
  }
  // POST /tokens makes viewers only; the operator comes from the command line's store, read at once here.
  await t.api('/tokens/table-operator', { method: 'DELETE' });
  const out = await runTokenCommand(['add', 'table-operator', '--role', 'operator'], t.stateDir);
  tokens.operator = /\n {4}(\S+)\n/.exec(out)?.[1] ?? '';
  tokens.admin = testToken;
  for (let i = 0; i < 60; i++) {
    if ((await call('operator', routes[0]!)).status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
afterAll(() => t.agent.close());

describe('every route with each role', () => {
  it('a viewer reads everything, changes nothing, and its refusals leave no change', async () => {
    const before = await changeCount();
    const tokensBefore = await (await t.api('/tokens')).json();
    for (const route of routes) {
      const status = (await call('viewer', route)).status;
      const label = `${route[0]} ${route[1]} as viewer`;
      if (route[3] === 'viewer') expect(status, label).not.toBe(403);
      else expect(status, label).toBe(403);
    }
    expect(await changeCount()).toBe(before);
    expect(await (await t.api('/tokens')).json()).toEqual(tokensBefore);
  });

  it('an operator and an admin get exactly what their role allows', async () => {
    for (const role of ['operator', 'admin'] as const) {
      for (const route of routes) {
        const status = (await call(role, route)).status;
        const label = `${route[0]} ${route[1]} as ${role}`;
        if (rank[role] >= rank[route[3]]) expect(status, label).not.toBe(403);
        else expect(status, label).toBe(403);
      }
    }
  });
});
