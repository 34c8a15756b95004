import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Destination, ErrorBody, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { startTestAgent, webService, webServiceId, type TestAgent } from './test-agent.js';

let t: TestAgent;
beforeAll(async () => {
  t = await startTestAgent();
});
afterAll(() => t.agent.close());

async function errorOf(response: Response): Promise<ErrorBody['error'] & { status: number }> {
  const body = (await response.json()) as ErrorBody;
  return { status: response.status, ...body.error };
}

describe('service-routes', () => {
  it('creates a service with ipvsadm defaults and lists it', async () => {
    const created = await t.api('/services', { method: 'POST', json: webService });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      key: { protocol: 'tcp', address: '10.0.0.1', port: 80 },
      scheduler: 'wrr',
    });
    const list = await t.api('/services');
    expect(list.headers.get('etag')).toMatch(/^W\/"\d+"$/);
    const services = (await list.json()) as ServiceWithDestinations[];
    expect(services.map((s) => s.key)).toContainEqual({ protocol: 'tcp', address: '10.0.0.1', port: 80 });
  });

  it('rejects bad input with 400 naming the field, and duplicates with 409', async () => {
    expect(
      await errorOf(await t.api('/services', { method: 'POST', json: { ...webService, port: 70000 } })),
    ).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'port',
    });
    expect(
      await errorOf(await t.api('/services', { method: 'POST', json: { ...webService, colour: 'red' } })),
    ).toMatchObject({
      status: 400,
      field: 'colour',
    });
    const broken = await t.api('/services', {
      method: 'POST',
      body: '{"protocol":',
      headers: { 'content-type': 'application/json' },
    });
    expect(await errorOf(broken)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', field: 'body' });
    expect(await errorOf(await t.api('/services', { method: 'POST', json: webService }))).toMatchObject({
      status: 409,
      code: 'SERVICE_EXISTS',
    });
  });

  it('patches settings read-modify-write and validates the merge', async () => {
    const patched = await t.api(`/services/${webServiceId}`, { method: 'PATCH', json: { persistence: 300 } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ scheduler: 'wrr', persistence: 300 });
    const bad = await t.api(`/services/${webServiceId}`, { method: 'PATCH', json: { netmask: '64' } });
    expect(await errorOf(bad)).toMatchObject({ status: 400, field: 'netmask' });
  });

  it('answers 404 for unknown services and 400 for malformed ids', async () => {
    const missing = encodeURIComponent('udp:10.9.9.9:53');
    expect(await errorOf(await t.api(`/services/${missing}`))).toMatchObject({
      status: 404,
      code: 'SERVICE_NOT_FOUND',
    });
    expect(await errorOf(await t.api('/services/nonsense'))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(await errorOf(await t.api(`/services/${missing}`, { method: 'DELETE' }))).toMatchObject({
      status: 404,
    });
    expect(await errorOf(await t.api('/no-such-route'))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await errorOf(await t.api('/services/%E0%A4%A'))).toMatchObject({ status: 400, field: 'path' });
    expect(
      await errorOf(await t.api(`/services/${webServiceId}/destinations/%ZZ`, { method: 'DELETE' })),
    ).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
  });

  it('adds, edits, quiesces and unquiesces a real server, remembering the weight on disk', async () => {
    const base = `/services/${webServiceId}/destinations`;
    const added = await t.api(base, {
      method: 'POST',
      json: { address: '10.0.1.1', port: 80, weight: 5, forwarding: 'masq' },
    });
    expect(added.status).toBe(201);
    expect(((await added.json()) as Destination).weight).toBe(5);
    const did = encodeURIComponent('10.0.1.1:80');
    const quiesced = (await (
      await t.api(`${base}/${did}/quiesce`, { method: 'POST', json: {} })
    ).json()) as Destination;
    expect(quiesced.weight).toBe(0);
    const { readFile } = await import('node:fs/promises');
    expect(JSON.parse(await readFile(`${t.stateDir}/quiesced.json`, 'utf8'))).toMatchObject({
      'tcp:10.0.0.1:80 10.0.1.1:80': { weight: 5, holds: [{ kind: 'operator' }] },
    });
    const restored = (await (
      await t.api(`${base}/${did}/unquiesce`, { method: 'POST', json: {} })
    ).json()) as Destination;
    expect(restored.weight).toBe(5);
    const edited = await t.api(`${base}/${did}`, { method: 'PATCH', json: { upperThreshold: 100 } });
    expect(await edited.json()).toMatchObject({ weight: 5, upperThreshold: 100 });
    expect(await (await t.api(`${base}/${did}`)).json()).toMatchObject({ weight: 5, upperThreshold: 100 });
    const listed = (await (await t.api(base)).json()) as Destination[];
    expect(listed.map((d) => d.address)).toEqual(['10.0.1.1']);
    expect(await errorOf(await t.api(`${base}/${encodeURIComponent('10.0.1.9:80')}`))).toMatchObject({
      status: 404,
      code: 'DESTINATION_NOT_FOUND',
    });
    expect(
      await errorOf(await t.api(base, { method: 'POST', json: { address: '10.0.1.1', port: 80 } })),
    ).toMatchObject({
      status: 409,
      code: 'DESTINATION_EXISTS',
    });
    expect(
      await errorOf(await t.api(`${base}/${did}`, { method: 'PATCH', json: { weight: -1 } })),
    ).toMatchObject({
      status: 400,
      field: 'weight',
    });
    expect(
      await errorOf(await t.api(`${base}/${encodeURIComponent('10.0.1.9:80')}`, { method: 'DELETE' })),
    ).toMatchObject({
      status: 404,
      code: 'DESTINATION_NOT_FOUND',
    });
  });

  it('takes a GUE-tunnelled real server to -g in one edit, dropping its tunnel options', async () => {
    const base = `/services/${webServiceId}/destinations`;
    const gue = { forwarding: 'tunnel', tunnelType: 'gue', tunnelPort: 6080, tunnelChecksum: 'remcsum' };
    const added = await t.api(base, { method: 'POST', json: { address: '10.0.2.1', port: 80, ...gue } });
    expect(added.status).toBe(201);
    const did = encodeURIComponent('10.0.2.1:80');
    const edited = await t.api(`${base}/${did}`, { method: 'PATCH', json: { forwarding: 'route' } });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      forwarding: 'route',
      tunnelType: 'ipip',
      tunnelPort: 0,
      tunnelChecksum: 'nocsum',
    });
    // Tunnel options given with another method are still a mistake worth naming.
    const contradictory = await t.api(`${base}/${did}`, {
      method: 'PATCH',
      json: { forwarding: 'masq', tunnelType: 'gue' },
    });
    expect(await errorOf(contradictory)).toMatchObject({ status: 400, field: 'tunnelType' });
  });

  it('takes weights up to the kernel INT_MAX and refuses one above it', async () => {
    const base = `/services/${webServiceId}/destinations`;
    const added = await t.api(base, {
      method: 'POST',
      json: { address: '10.0.3.1', port: 80, weight: 70000 },
    });
    expect(((await added.json()) as Destination).weight).toBe(70000);
    const did = encodeURIComponent('10.0.3.1:80');
    const top = await t.api(`${base}/${did}`, { method: 'PATCH', json: { weight: 2147483647 } });
    expect(((await top.json()) as Destination).weight).toBe(2147483647);
    const above = await t.api(`${base}/${did}`, { method: 'PATCH', json: { weight: 2147483648 } });
    expect(await errorOf(above)).toMatchObject({ status: 400, field: 'weight' });
  });

  it('refuses a stale If-Match with 409 CONFLICT and accepts the current one', async () => {
    const etag = (await t.api('/services')).headers.get('etag') ?? '';
    await t.backend.addService({
      ...webService,
      address: '10.0.0.2',
      schedulerFlags: [],
      persistence: 0,
      netmask: '255.255.255.255',
      persistenceEngine: null,
      onePacket: false,
    });
    const stale = await t.api(`/services/${webServiceId}`, {
      method: 'PATCH',
      json: { scheduler: 'rr' },
      headers: { 'if-match': etag },
    });
    expect(await errorOf(stale)).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(
      ((await (await t.api(`/services/${webServiceId}`)).json()) as ServiceWithDestinations).scheduler,
    ).toBe('wrr');
    const fresh = (await t.api('/services')).headers.get('etag') ?? '';
    const ok = await t.api(`/services/${webServiceId}`, {
      method: 'PATCH',
      json: { scheduler: 'rr' },
      headers: { 'if-match': fresh },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).not.toBe(fresh);
  });

  it('deletes a service', async () => {
    const deleted = await t.api(`/services/${webServiceId}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await t.api(`/services/${webServiceId}`)).status).toBe(404);
  });
});
