import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { shareLinkAnswerSchema, type ChangeRecord, type ErrorBody } from '@ipvs-dashboard/shared';
import { runTokenCommand } from '../../cli/index.js';
import { startTestAgent, webService, webServiceId, type TestAgent } from './test-agent.js';

let t: TestAgent;
const tokens: Record<string, string> = {};

/** The token `token add` printed. */
async function add(name: string, ...options: string[]): Promise<string> {
  const out = await runTokenCommand(['add', name, ...options], t.stateDir);
  const token = /\n {4}(\S+)\n/.exec(out)?.[1];
  if (!token) throw new Error(out);
  return token;
}

const as = (name: string, path: string, init: RequestInit & { json?: unknown } = {}) =>
  t.api(path, { ...init, headers: { authorization: `Bearer ${tokens[name]}` } });

const until = async (condition: () => Promise<boolean>) => {
  for (let i = 0; i < 60 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 100));
};

beforeAll(async () => {
  t = await startTestAgent();
  await t.api('/services', { method: 'POST', json: webService });
  await t.api(`/services/${webServiceId}/destinations`, {
    method: 'POST',
    json: { address: '10.0.1.1', port: 80, weight: 5, forwarding: 'masq' },
  });
  tokens.wall = await add('wall', '--role', 'viewer');
  tokens.oncall = await add('oncall', '--role', 'operator');
  tokens.teamB = await add('team-b', '--role', 'admin', '--services', 'tcp:10.0.0.2:80');
  // The running agent reads the token file when it changes.
  await until(async () => (await as('team-b', '/session')).status === 200);
  tokens['team-b'] = tokens.teamB;
});
afterAll(() => t.agent.close());

const dest = `/services/${webServiceId}/destinations/${encodeURIComponent('10.0.1.1:80')}`;

describe('named tokens', () => {
  it('says who is signed in', async () => {
    await until(async () => (await as('wall', '/session')).status === 200);
    expect(await (await as('wall', '/session')).json()).toEqual({
      name: 'wall',
      role: 'viewer',
      services: null,
    });
    expect(await (await t.api('/session')).json()).toEqual({ name: 'admin', role: 'admin', services: null });
  });

  it('lets a viewer read and refuses its changes with 403 naming what it needs, changing nothing', async () => {
    expect((await as('wall', '/services')).status).toBe(200);
    const refused = await as('wall', dest, { method: 'PATCH', json: { weight: 9 } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.message).toBe(
      'The token "wall" (viewer) may only read; this request needs an operator token.',
    );
    expect(((await (await t.api(dest)).json()) as { weight: number }).weight).toBe(5);
  });

  it('lets an operator set weights and quiesce, not thresholds or restores; the log names it', async () => {
    const weighted = await as('oncall', dest, { method: 'PATCH', json: { weight: 7 } });
    expect(weighted.status).toBe(200);
    expect((await as('oncall', `${dest}/quiesce`, { method: 'POST' })).status).toBe(200);
    expect((await as('oncall', `${dest}/unquiesce`, { method: 'POST' })).status).toBe(200);
    expect((await as('oncall', dest, { method: 'PATCH', json: { upperThreshold: 5 } })).status).toBe(403);
    expect(
      (await as('oncall', '/config', { method: 'PUT', body: '', headers: { 'content-type': 'text/plain' } }))
        .status,
    ).toBe(403);
    const id = weighted.headers.get('x-change-id');
    const record = (await (await t.api(`/changes/${id}`)).json()) as ChangeRecord;
    expect(record.actor).toEqual({ type: 'api', name: 'oncall' });
  });

  it('keeps a service-limited token to its services', async () => {
    const refused = await as('team-b', dest, { method: 'PATCH', json: { weight: 2 } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.message).toMatch(/limited to tcp:10.0.0.2:80/);
  });

  it('signs a browser in with a named token and ends its session when the token is revoked', async () => {
    const login = await fetch(`${t.base}/?token=${tokens.wall}`, { redirect: 'manual' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const session = () => fetch(`${t.base}/api/v1/session`, { headers: { cookie } });
    expect(await (await session()).json()).toMatchObject({ name: 'wall' });
    expect(await runTokenCommand(['revoke', 'wall'], t.stateDir)).toMatch(/revoked/);
    await until(async () => (await session()).status === 401);
    expect((await session()).status).toBe(401);
    expect((await as('wall', '/services')).status).toBe(401);
    expect(await runTokenCommand(['list'], t.stateDir)).not.toMatch(/^wall\t/m);
  });

  it('refuses a second token of the same name, the startup name, and an unknown role', async () => {
    await expect(add('oncall', '--role', 'viewer')).rejects.toThrow(/exists; revoke it first/);
    await expect(add('admin', '--role', 'viewer')).rejects.toThrow(/startup token's name/);
    await expect(add('x', '--role', 'root')).rejects.toThrow(/--role must be viewer, operator or admin/);
  });

  it('makes a read-only share link through the API; revoking it ends its browser session at once', async () => {
    const made = await t.api('/tokens', { method: 'POST', json: { name: 'noc-wall' } });
    expect(made.status).toBe(201);
    const link = shareLinkAnswerSchema.parse(await made.json());
    expect(link).toMatchObject({ name: 'noc-wall', role: 'viewer', services: null });
    expect(link.loginPath).toBe(`/?token=${encodeURIComponent(link.token)}`);
    const listed = (await (await t.api('/tokens')).json()) as Record<string, unknown>[];
    expect(listed.find((token) => token.name === 'noc-wall')).toEqual({
      name: 'noc-wall',
      role: 'viewer',
      services: null,
      createdAt: link.createdAt,
    });
    // Works at once (no wait for the file watcher), as a browser session from the login path.
    const login = await fetch(`${t.base}${link.loginPath}`, { redirect: 'manual' });
    expect([login.status, login.headers.get('location')]).toEqual([303, '/']);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const session = () => fetch(`${t.base}/api/v1/session`, { headers: { cookie } });
    expect(await (await session()).json()).toEqual({ name: 'noc-wall', role: 'viewer', services: null });
    // The wall screen's live feed, open with that session, is closed too (4401), not left streaming.
    const live = new WebSocket(`ws://127.0.0.1:${t.agent.port}/api/v1/live`, { headers: { cookie } });
    const closed = new Promise<number>((resolve) => live.on('close', (code) => resolve(code)));
    await new Promise((resolve, reject) => live.once('open', resolve).once('error', reject));
    expect((await t.api('/tokens/noc-wall', { method: 'DELETE' })).status).toBe(204);
    expect(await closed).toBe(4401);
    expect((await session()).status).toBe(401);
    expect(await runTokenCommand(['list'], t.stateDir)).not.toMatch(/^noc-wall\t/m);
  });

  it('refuses a share link with a bad or taken name, and names the tokens when revoking an unknown one', async () => {
    const bad = await t.api('/tokens', { method: 'POST', json: { name: 'no spaces' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error).toMatchObject({ field: 'name' });
    const taken = await t.api('/tokens', { method: 'POST', json: { name: 'oncall' } });
    expect(taken.status).toBe(400);
    expect(((await taken.json()) as ErrorBody).error.message).toMatch(/exists; revoke it first/);
    const role = await t.api('/tokens', { method: 'POST', json: { name: 'x', role: 'admin' } });
    expect(role.status).toBe(400);
    const unknown = await t.api('/tokens/nobody', { method: 'DELETE' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.message).toMatch(
      /No named token "nobody"; the named tokens are .*oncall/,
    );
  });
});
