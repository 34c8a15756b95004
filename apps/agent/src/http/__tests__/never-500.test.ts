import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAgent, testToken, webService, webServiceId, type TestAgent } from './test-agent.js';

let t: TestAgent;
beforeAll(async () => {
  t = await startTestAgent({ intervalMs: 1000 });
  await t.api('/services', { method: 'POST', json: webService });
  await t.api(`/services/${webServiceId}/destinations`, {
    method: 'POST',
    json: { address: '10.0.1.1', port: 80 },
  });
});
afterAll(() => t.agent.close());

const did = encodeURIComponent('10.0.1.1:80');
const jsonRoutes: [string, string][] = [
  ['POST', '/services'],
  ['PATCH', `/services/${webServiceId}`],
  ['POST', `/services/${webServiceId}/destinations`],
  ['PATCH', `/services/${webServiceId}/destinations/${did}`],
  ['PUT', '/timeouts'],
  ['POST', '/daemons'],
  ['PUT', '/kernel-settings/expire_nodest_conn'],
  ['POST', '/clear'],
];

/** Every answer to user input is a catalogue error (or success), never INTERNAL. */
async function expectNo500(response: Response): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBeLessThan(500);
  if (response.status >= 400) expect(JSON.parse(text)).toHaveProperty('error.code');
}

describe('never-500', () => {
  it('answers arbitrary JSON bodies on every JSON route with a 4xx at worst', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...jsonRoutes), fc.jsonValue(), async ([method, path], body) => {
        await expectNo500(await t.api(path, { method, json: body }));
      }),
      { numRuns: 150 },
    );
    // 150 requests, the valid ones journaled and logged with an fsync each: seconds on a busy machine.
  }, 30_000);

  it('answers arbitrary ids in paths with a 4xx at worst', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (sid, destination) => {
        const path = `/services/${encodeURIComponent(sid)}/destinations/${encodeURIComponent(destination)}`;
        await expectNo500(await t.api(path, { method: 'PATCH', json: { weight: 1 } }));
        await expectNo500(await t.api(`/connections?service=${encodeURIComponent(sid)}`));
      }),
      { numRuns: 100 },
    );
  });

  it('plans arbitrary restore text with a 4xx at worst and never touches the table in a dry run', async () => {
    const before = await (await t.api('/config')).text();
    const token = fc.constantFrom(
      '-A',
      '-a',
      '-E',
      '-e',
      '-D',
      '-d',
      '-t',
      '-u',
      '-f',
      '-r',
      '-s',
      'rr',
      '-w',
      '10.0.0.1:80',
      '10.0.1.9:80',
      '-1',
      '99999999999',
      '[::1]:80',
      '-p',
      '-M',
      'x',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(token, { maxLength: 8 }), { maxLength: 4 }), async (lines) => {
        const text = lines.map((l) => l.join(' ')).join('\n');
        const response = await fetch(`${t.base}/api/v1/config?dryRun=1`, {
          method: 'PUT',
          body: text,
          headers: { authorization: `Bearer ${testToken}`, 'content-type': 'text/plain' },
        });
        await expectNo500(response);
      }),
      { numRuns: 150 },
    );
    expect(await (await t.api('/config')).text()).toBe(before);
  });
});
