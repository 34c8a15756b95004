import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restorePlanSchema, type ErrorBody, type ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { startTestAgent, type TestAgent } from './test-agent.js';

let t: TestAgent;
beforeAll(async () => {
  t = await startTestAgent();
});
afterAll(() => t.agent.close());

const sid = encodeURIComponent('tcp:10.0.9.1:80');
const exported = async () => (await t.api('/config')).text();
const importPlan = async (text: string) =>
  restorePlanSchema.parse(
    await (
      await t.api('/config?dryRun=1', {
        method: 'PUT',
        body: text,
        headers: { 'content-type': 'text/plain' },
      })
    ).json(),
  );

describe('what the API accepts survives export then import', () => {
  beforeAll(async () => {
    const made = await t.api('/services', {
      method: 'POST',
      json: { protocol: 'tcp', address: '10.0.9.1', port: 80, netmask: '255.255.255.0' },
    });
    expect(made.status).toBe(201);
  });

  it('refuses a route or tunnel real server on another port than the service, saying which port to use', async () => {
    const before = await exported();
    for (const forwarding of ['route', 'tunnel']) {
      const response = await t.api(`/services/${sid}/destinations`, {
        method: 'POST',
        json: { address: '10.0.9.2', port: 8080, forwarding },
      });
      const { error } = (await response.json()) as ErrorBody;
      expect(response.status).toBe(400);
      expect(error.field).toBe('port');
      expect(error.message).toMatch(/must be on the service port 80, not 8080/);
      expect(error.message).toMatch(/masq forwarding/);
    }
    expect(await exported()).toBe(before);
  });

  it('takes a masq real server on another port, and refuses to switch it to route', async () => {
    const added = await t.api(`/services/${sid}/destinations`, {
      method: 'POST',
      json: { address: '10.0.9.3', port: 8080, forwarding: 'masq' },
    });
    expect(added.status).toBe(201);
    const did = encodeURIComponent('10.0.9.3:8080');
    const switched = await t.api(`/services/${sid}/destinations/${did}`, {
      method: 'PATCH',
      json: { forwarding: 'route' },
    });
    expect(switched.status).toBe(400);
    expect(((await switched.json()) as ErrorBody).error.field).toBe('port');
    const weighted = await t.api(`/services/${sid}/destinations/${did}`, {
      method: 'PATCH',
      json: { weight: 7 },
    });
    expect(weighted.status).toBe(200);
  });

  it('keeps the default netmask on a service without persistence, as the save text can only say that', async () => {
    const service = (await (await t.api(`/services/${sid}`)).json()) as ServiceWithDestinations;
    expect(service.netmask).toBe('255.255.255.255');
    const persistent = await t.api(`/services/${sid}`, {
      method: 'PATCH',
      json: { persistence: 300, netmask: '255.255.255.0' },
    });
    expect(((await persistent.json()) as ServiceWithDestinations).netmask).toBe('255.255.255.0');
  });

  it('imports its own export as no change at all', async () => {
    await t.api(`/services/${sid}/destinations`, {
      method: 'POST',
      json: { address: '10.0.9.4', port: 80, forwarding: 'route' },
    });
    const plan = await importPlan(await exported());
    expect(plan).toMatchObject({ added: [], changed: [], removed: [] });
  });
});
