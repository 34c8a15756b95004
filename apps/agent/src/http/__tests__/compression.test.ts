import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAgent, testToken, type TestAgent } from './test-agent.js';

let t: TestAgent;
beforeAll(async () => {
  t = await startTestAgent();
  const lines: string[] = [];
  for (let i = 0; i < 200; i++) lines.push(`-A -t 10.9.${Math.floor(i / 250)}.${(i % 250) + 1}:80 -s wlc`);
  const merged = await t.api('/config', {
    method: 'POST',
    body: `${lines.join('\n')}\n`,
    headers: { 'content-type': 'text/plain' },
  });
  expect(merged.status).toBe(200);
});
afterAll(() => t.agent.close());

/** GET with or without Accept-Encoding: gzip, as raw bytes and headers (fetch would decode them). */
function get(path: string, gzip: boolean): Promise<{ encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${t.base}/api/v1${path}`,
      { headers: { authorization: `Bearer ${testToken}`, ...(gzip ? { 'accept-encoding': 'gzip' } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('compression', () => {
  it('sends a large answer gzipped to a client that asks, and plain to one that does not', async () => {
    const plain = await get('/services', false);
    expect(plain.encoding).toBeUndefined();
    const zipped = await get('/services', true);
    expect(zipped.encoding).toBe('gzip');
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length * 5).toBeLessThan(plain.body.length);
  });
});
