import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord, ChangesPage, ErrorBody } from '@ipvs-dashboard/shared';
import { runTokenCommand } from '../../cli/index.js';
import { startTestAgent, webService, webServiceId, type TestAgent } from './test-agent.js';

// X-Fleet-Change ties a director's change records to the fleet change that made them: taken from an admin
// token only, kept on the record (also on its undo), and filterable in GET /changes.
let t: TestAgent;
let operator = '';

beforeAll(async () => {
  t = await startTestAgent();
  await t.api('/services', { method: 'POST', json: webService });
  await t.api(`/services/${webServiceId}/destinations`, {
    method: 'POST',
    json: { address: '10.0.1.1', port: 80, weight: 5, forwarding: 'masq' },
  });
  const out = await runTokenCommand(['add', 'oncall', '--role', 'operator'], t.stateDir);
  operator = /\n {4}(\S+)\n/.exec(out)?.[1] ?? '';
  for (let i = 0; i < 60; i++) {
    const session = await t.api('/session', { headers: { authorization: `Bearer ${operator}` } });
    if (session.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
afterAll(() => t.agent.close());

const merge = (text: string, headers: Record<string, string> = {}) =>
  t.api('/config', { method: 'POST', body: text, headers: { 'content-type': 'text/plain', ...headers } });

describe('X-Fleet-Change', () => {
  it('is kept on the change record and its undo, and GET /changes?fleetChange= finds both', async () => {
    const applied = await merge('-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 7\n', {
      'x-fleet-change': 'fleet-abc',
    });
    expect(applied.status).toBe(200);
    const id = applied.headers.get('x-change-id') ?? '';
    const record = (await (await t.api(`/changes/${id}`)).json()) as ChangeRecord;
    expect(record.fleetChange).toBe('fleet-abc');
    const undo = await t.api(`/changes/${id}/revert`, {
      method: 'POST',
      json: {},
      headers: { 'x-fleet-change': 'fleet-abc' },
    });
    expect(undo.status).toBe(201);
    const page = (await (await t.api('/changes?fleetChange=fleet-abc')).json()) as ChangesPage;
    expect(page.items.map((item) => [item.action, item.fleetChange])).toEqual([
      ['revert', 'fleet-abc'],
      ['merge', 'fleet-abc'],
    ]);
  });

  it('is refused from a non-admin token, with nothing changed', async () => {
    const dest = `/services/${webServiceId}/destinations/${encodeURIComponent('10.0.1.1:80')}`;
    const refused = await t.api(dest, {
      method: 'PATCH',
      json: { weight: 9 },
      headers: { authorization: `Bearer ${operator}`, 'x-fleet-change': 'fleet-x' },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.message).toMatch(/accepted only from an admin token/);
    expect(((await (await t.api(dest)).json()) as { weight: number }).weight).toBe(5);
  });

  it('must look like an id', async () => {
    const refused = await merge('-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 7\n', {
      'x-fleet-change': 'no spaces',
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ErrorBody).error.field).toBe('x-fleet-change');
  });

  it('a fleet change itself needs an admin token', async () => {
    const refused = await t.api('/fleet/changes', {
      method: 'POST',
      json: { directors: ['local'], change: { text: '-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 7' } },
      headers: { authorization: `Bearer ${operator}` },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.message).toMatch(/needs an admin token/);
  });
});
